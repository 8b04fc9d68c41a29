import { and, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { READ_ONLY_REASONS } from '../../../shared/collab/closeCodes.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { readMeetingDoc, setFieldText } from '../../../shared/collab/meetingDoc.ts';
import { readLog } from '../../collab/documentStore.ts';
import { collabTest } from '../../collab/testing/collabTest.ts';
import { waitFor, waitForSaved, waitUntil } from '../../collab/testing/collabTestServer.ts';
import { auditEvents, meetings } from '../../db/schema.ts';
import type { TestDatabase } from '../../db/testing.ts';
import { loadActor } from '../../policy.ts';
import { createMeeting } from '../../testing/factories.ts';
import { closeMeeting, reopenMeeting } from './closeMeeting.ts';

async function statusOf(database: TestDatabase, meetingId: string) {
	const [row] = await database.db
		.select({ status: meetings.status, closedAt: meetings.closedAt })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	return row;
}

describe('closing a meeting', () => {
	collabTest(
		'makes every connected client read-only at once, and drops edits made after',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			const parent = await clients.openMeeting(team.member('parent'), meetingId);
			const salt = await clients.openMeeting(team.member('salt'), meetingId);
			const restricted = clients.connectRestricted(team.member('socialWorker'), meetingId);
			await waitFor(() => restricted.provider.isSynced, 'the restricted document to open');
			setFieldText(parent.document, 'familyViews', 'Agreed before closing');
			await waitForSaved(parent);
			const name = meetingDocumentName(meetingId);
			await waitUntil(
				async () =>
					(await readLog(database.db, name)).some((row) => row.userId === team.member('parent').id),
				'the parent’s edit to be logged'
			);

			const chair = await loadActor(database.db, team.member('senco').id);
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
			expect(await statusOf(database, meetingId)).toMatchObject({ status: 'closed' });

			const logBefore = await readLog(database.db, name);
			setFieldText(parent.document, 'familyViews', 'Sneaked in after closing');
			await waitFor(() => parent.provider.unsyncedChanges > 0, 'the server to refuse the edit');
			// Someone connecting now gets the document without the dropped edit.
			const late = await clients.openMeeting(team.member('salt'), meetingId);
			expect(readMeetingDoc(late.document).familyViews.text).toBe('Agreed before closing');
			expect(readMeetingDoc(senco.document).familyViews.text).toBe('Agreed before closing');
			expect(late.provider.authorizedScope).toBe('readonly');
			await server.collab.flushUpdateLog();
			expect(await readLog(database.db, name)).toEqual(logBefore);

			const [audit] = await database.db
				.select()
				.from(auditEvents)
				.where(and(eq(auditEvents.subjectId, meetingId), eq(auditEvents.action, 'meeting.closed')));
			expect(audit?.actorId).toBe(team.member('senco').id);
		}
	);

	collabTest('lets only the chair close it', async ({ database, server, team }) => {
		const meetingId = await createMeeting(database.db, team);
		const parent = await loadActor(database.db, team.member('parent').id);
		expect(await closeMeeting(database.db, server.collab.live, parent, meetingId)).toEqual({
			ok: false,
			problem: 'forbidden'
		});
		expect(await statusOf(database, meetingId)).toMatchObject({ status: 'in_progress' });
	});
});

describe('reopening a meeting', () => {
	collabTest(
		'needs a reason, records it, and lets the team edit again',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const chair = await loadActor(database.db, team.member('senco').id);
			await closeMeeting(database.db, server.collab.live, chair, meetingId);
			const parent = await clients.openMeeting(team.member('parent'), meetingId);
			expect(parent.provider.authorizedScope).toBe('readonly');

			expect(await reopenMeeting(database.db, server.collab.live, chair, meetingId, '   ')).toEqual(
				{
					ok: false,
					problem: 'reason_required'
				}
			);
			expect(await statusOf(database, meetingId)).toMatchObject({ status: 'closed' });

			const reason = 'The family asked to add their views on the new placement';
			expect(
				await reopenMeeting(database.db, server.collab.live, chair, meetingId, `  ${reason} `)
			).toEqual({
				ok: true
			});
			await waitFor(
				() => parent.provider.authorizedScope === 'read-write',
				'the parent to be told'
			);
			expect(parent.notices.at(-1)).toEqual({ type: 'access', readOnly: false, reason: null });
			expect(await statusOf(database, meetingId)).toEqual({
				status: 'in_progress',
				closedAt: null
			});

			setFieldText(parent.document, 'familyViews', 'Our views on the placement');
			await waitForSaved(parent);
			await waitUntil(async () => {
				const log = await readLog(database.db, meetingDocumentName(meetingId));
				return log.at(-1)?.userId === team.member('parent').id;
			}, 'the parent’s edit to be logged as theirs');

			const [audit] = await database.db
				.select()
				.from(auditEvents)
				.where(
					and(eq(auditEvents.subjectId, meetingId), eq(auditEvents.action, 'meeting.reopened'))
				);
			expect(audit?.details).toMatchObject({ reason });
			expect(
				await reopenMeeting(database.db, server.collab.live, chair, meetingId, reason)
			).toEqual({
				ok: false,
				problem: 'not_closed'
			});
		}
	);
});
