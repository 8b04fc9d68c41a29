import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { documentExists, loadStoredDoc } from '../../collab/documentStore.ts';
import { storedDocuments } from '../../collab/liveDocuments.ts';
import { collabTest } from '../../collab/testing/collabTest.ts';
import { waitFor } from '../../collab/testing/collabTestServer.ts';
import { meetingInvitees, meetings } from '../../db/schema.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { readMeetingDoc } from '../../../shared/collab/meetingDoc.ts';
import { createMeeting, documentEditorOf, type ChildWithTeam } from '../../testing/factories.ts';
import type { Database } from '../../db/client.ts';
import { refreshLiveCasework } from './liveCasework.ts';
import { respondToMeeting, saveContribution } from './responses.ts';

/** The parent is invited, cannot attend, and sends a written contribution. */
async function parentSendsContribution(db: Database, team: ChildWithTeam, meetingId: string) {
	const parent = team.member('parent');
	await db.insert(meetingInvitees).values({ meetingId, userId: parent.id });
	expect(await respondToMeeting(db, meetingId, parent.id, 'cannot_attend')).toEqual({ ok: true });
	expect(
		await saveContribution(db, meetingId, parent.id, 'Aaron is sleeping better since October.')
	).toEqual({ ok: true });
}

describe('casework that changes after the live document exists', () => {
	collabTest(
		'reaches everyone with the live page open: the contribution and the apology',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			expect(readMeetingDoc(senco.document).contributions).toEqual([]);

			await parentSendsContribution(database.db, team, meetingId);
			await refreshLiveCasework(
				database.db,
				server.collab.live,
				meetingId,
				documentEditorOf(team, 'parent')
			);
			await waitFor(
				() => readMeetingDoc(senco.document).contributions.length === 1,
				'the contribution to arrive live'
			);
			const meeting = readMeetingDoc(senco.document);
			expect(meeting.contributions[0]?.text.text).toBe('Aaron is sleeping better since October.');
			expect(
				meeting.attendance.find((entry) => entry.userId === team.member('parent').id)?.status
			).toBe('apologies');
			// And it is stored, so the minutes (made from the stored document) include it.
			await server.collab.flushUpdateLog();
			const stored = await loadStoredDoc(database.db, meetingDocumentName(meetingId));
			expect(readMeetingDoc(stored).contributions).toHaveLength(1);
		}
	);

	collabTest(
		'makes no document for a meeting nobody has opened yet',
		async ({ database, team }) => {
			const live = storedDocuments(database.db);
			const unopened = await createMeeting(database.db, team);
			await parentSendsContribution(database.db, team, unopened);
			await refreshLiveCasework(database.db, live, unopened, documentEditorOf(team, 'parent'));
			expect(await documentExists(database.db, meetingDocumentName(unopened))).toBe(false);
		}
	);

	collabTest(
		'leaves a closed meeting’s document as it was closed',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const reader = await clients.openMeeting(team.member('senco'), meetingId);
			await parentSendsContribution(database.db, team, meetingId);
			await database.db
				.update(meetings)
				.set({ status: 'closed' })
				.where(eq(meetings.id, meetingId));
			await refreshLiveCasework(
				database.db,
				server.collab.live,
				meetingId,
				documentEditorOf(team, 'parent')
			);
			await server.collab.flushUpdateLog();
			expect(readMeetingDoc(reader.document).contributions).toEqual([]);
		}
	);
});
