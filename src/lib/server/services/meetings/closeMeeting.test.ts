import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	waitFor,
	waitForSaved,
	waitUntil,
	type CollabTestServer
} from '$lib/server/collab/testing/collabTestServer.ts';
import { connectRestricted, openMeeting } from '$lib/server/collab/testing/liveMeeting.ts';
import { createChildWithTeam, createMeeting } from '$lib/server/collab/testing/meetingFixtures.ts';
import { READ_ONLY_REASONS } from '../../../shared/collab/closeCodes.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { readMeetingDoc, setFieldText } from '../../../shared/collab/meetingDoc.ts';
import { readLog } from '../../collab/documentStore.ts';
import { auditEvents, meetings } from '../../db/schema.ts';
import { type TestDatabase } from '../../db/testing.ts';
import { loadActor } from '../../policy.ts';
import { closeMeeting, reopenMeeting } from './closeMeeting.ts';
import {
	teamMember as member,
	useCollabTestSuite
} from '$lib/server/collab/testing/collabTestSuite.ts';

let database: TestDatabase;
let server: CollabTestServer;
const cleanups: (() => void)[] = [];

useCollabTestSuite((started) => ({ database, server } = started), cleanups);

async function statusOf(meetingId: string) {
	const [row] = await database.db
		.select({ status: meetings.status, closedAt: meetings.closedAt })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	return row;
}

describe('closing a meeting', () => {
	it('makes every connected client read-only at once, and drops edits made after', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const senco = await openMeeting(server, member(team, 'senco'), meetingId, cleanups);
		const parent = await openMeeting(server, member(team, 'parent'), meetingId, cleanups);
		const salt = await openMeeting(server, member(team, 'salt'), meetingId, cleanups);
		const restricted = connectRestricted(server, member(team, 'socialWorker'), meetingId, cleanups);
		await waitFor(() => restricted.provider.isSynced, 'the restricted document to open');
		setFieldText(parent.document, 'familyViews', 'Agreed before closing');
		await waitForSaved(parent);
		const name = meetingDocumentName(meetingId);
		await waitUntil(
			async () =>
				(await readLog(database.db, name)).some(
					(row) => row.userId === member(team, 'parent').userId
				),
			'the parent’s edit to be logged'
		);

		const chair = await loadActor(database.db, member(team, 'senco').userId);
		expect(await closeMeeting(database.db, server.collab.live, chair, meetingId)).toEqual({
			ok: true
		});

		const everyone = [senco, parent, salt, restricted];
		await waitFor(
			() => everyone.every((client) => client.provider.authorizedScope === 'readonly'),
			'every client to be told the meeting is read-only'
		);
		for (const client of everyone) {
			expect(client.notices.at(-1)).toEqual({
				type: 'access',
				readOnly: true,
				reason: READ_ONLY_REASONS.meetingClosed
			});
		}
		expect(await statusOf(meetingId)).toMatchObject({ status: 'closed' });

		const logBefore = await readLog(database.db, name);
		setFieldText(parent.document, 'familyViews', 'Sneaked in after closing');
		await waitFor(() => parent.provider.unsyncedChanges > 0, 'the server to refuse the edit');
		// Someone connecting now gets the document without the dropped edit.
		const late = await openMeeting(server, member(team, 'salt'), meetingId, cleanups);
		expect(readMeetingDoc(late.document).familyViews.text).toBe('Agreed before closing');
		expect(readMeetingDoc(senco.document).familyViews.text).toBe('Agreed before closing');
		expect(late.provider.authorizedScope).toBe('readonly');
		await server.collab.flushUpdateLog();
		expect(await readLog(database.db, name)).toEqual(logBefore);

		const [audit] = await database.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.subjectId, meetingId), eq(auditEvents.action, 'meeting.closed')));
		expect(audit?.actorId).toBe(member(team, 'senco').userId);
	});

	it('lets only the chair close it', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const parent = await loadActor(database.db, member(team, 'parent').userId);
		expect(await closeMeeting(database.db, server.collab.live, parent, meetingId)).toEqual({
			ok: false,
			problem: 'forbidden'
		});
		expect(await statusOf(meetingId)).toMatchObject({ status: 'in_progress' });
	});
});

describe('reopening a meeting', () => {
	it('needs a reason, records it, and lets the team edit again', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const chair = await loadActor(database.db, member(team, 'senco').userId);
		await closeMeeting(database.db, server.collab.live, chair, meetingId);
		const parent = await openMeeting(server, member(team, 'parent'), meetingId, cleanups);
		expect(parent.provider.authorizedScope).toBe('readonly');

		expect(await reopenMeeting(database.db, server.collab.live, chair, meetingId, '   ')).toEqual({
			ok: false,
			problem: 'reason_required'
		});
		expect(await statusOf(meetingId)).toMatchObject({ status: 'closed' });

		const reason = 'The family asked to add their views on the new placement';
		expect(
			await reopenMeeting(database.db, server.collab.live, chair, meetingId, `  ${reason} `)
		).toEqual({
			ok: true
		});
		await waitFor(() => parent.provider.authorizedScope === 'read-write', 'the parent to be told');
		expect(parent.notices.at(-1)).toEqual({ type: 'access', readOnly: false, reason: null });
		expect(await statusOf(meetingId)).toEqual({ status: 'in_progress', closedAt: null });

		setFieldText(parent.document, 'familyViews', 'Our views on the placement');
		await waitForSaved(parent);
		await waitUntil(async () => {
			const log = await readLog(database.db, meetingDocumentName(meetingId));
			return log.at(-1)?.userId === member(team, 'parent').userId;
		}, 'the parent’s edit to be logged as theirs');

		const [audit] = await database.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.subjectId, meetingId), eq(auditEvents.action, 'meeting.reopened')));
		expect(audit?.details).toMatchObject({ reason });
		expect(await reopenMeeting(database.db, server.collab.live, chair, meetingId, reason)).toEqual({
			ok: false,
			problem: 'not_closed'
		});
	});
});
