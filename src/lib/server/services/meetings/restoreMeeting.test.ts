import { and, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { readMeetingDoc, setFieldText } from '../../../shared/collab/meetingDoc.ts';
import { loadStoredDoc } from '../../collab/documentStore.ts';
import { storedDocuments } from '../../collab/liveDocuments.ts';
import { collabTest } from '../../collab/testing/collabTest.ts';
import { waitFor, waitForSaved } from '../../collab/testing/collabTestServer.ts';
import { auditEvents } from '../../db/schema.ts';
import { createMeeting, documentEditorOf } from '../../testing/factories.ts';
import { restoreMeeting } from './restoreMeeting.ts';

/** A moment after everything stored so far; later updates arrive strictly after it. */
async function momentAfterNow(): Promise<Date> {
	const at = new Date();
	await waitFor(() => Date.now() > at.getTime() + 1, 'the clock to move on');
	return at;
}

describe('restoring a meeting to an earlier moment', () => {
	collabTest(
		'everyone with the meeting open sees it as it was, and the restore is stored and audited',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			const parent = await clients.openMeeting(team.member('parent'), meetingId);
			setFieldText(parent.document, 'familyViews', 'Aaron loves the trampoline.');
			await waitForSaved(parent, 'the family’s views');
			await server.collab.flushUpdateLog();
			const before = await momentAfterNow();

			setFieldText(senco.document, 'familyViews', 'Pasted over by mistake');
			await waitForSaved(senco, 'the mistaken paste');
			await waitFor(
				() => readMeetingDoc(parent.document).familyViews.text === 'Pasted over by mistake',
				'the paste to reach the parent'
			);

			const meeting = { id: meetingId, childId: team.childId, status: 'scheduled' };
			expect(
				await restoreMeeting(
					database.db,
					server.collab.live,
					meeting,
					before,
					documentEditorOf(team, 'senco')
				)
			).toEqual({ restored: true });
			for (const client of [senco, parent]) {
				await waitFor(
					() => readMeetingDoc(client.document).familyViews.text === 'Aaron loves the trampoline.',
					'the restored text to arrive live'
				);
			}
			await server.collab.flushUpdateLog();
			const stored = await loadStoredDoc(database.db, meetingDocumentName(meetingId));
			expect(readMeetingDoc(stored).familyViews.text).toBe('Aaron loves the trampoline.');
			const audit = await database.db
				.select()
				.from(auditEvents)
				.where(
					and(eq(auditEvents.action, 'meeting.restored'), eq(auditEvents.subjectId, meetingId))
				);
			expect(audit).toHaveLength(1);
			expect(audit[0]?.details).toEqual({
				childId: team.childId,
				restoredTo: before.toISOString()
			});
		}
	);

	collabTest(
		'works on the stored document when no live server runs',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			setFieldText(senco.document, 'worries', 'Mornings are hard.');
			await waitForSaved(senco, 'the worry');
			await server.collab.flushUpdateLog();
			const before = await momentAfterNow();
			setFieldText(senco.document, 'worries', '');
			await waitForSaved(senco, 'the deletion');
			await server.collab.flushUpdateLog();

			const meeting = { id: meetingId, childId: team.childId, status: 'scheduled' };
			const stored = storedDocuments(database.db);
			expect(
				await restoreMeeting(database.db, stored, meeting, before, documentEditorOf(team, 'senco'))
			).toEqual({ restored: true });
			const doc = await loadStoredDoc(database.db, meetingDocumentName(meetingId));
			expect(readMeetingDoc(doc).workingAndWorries.worries.text).toBe('Mornings are hard.');
		}
	);

	collabTest(
		'refuses a closed meeting and a moment before the meeting was opened',
		async ({ database, server, team, clients }) => {
			const early = await momentAfterNow();
			const meetingId = await createMeeting(database.db, team);
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			setFieldText(senco.document, 'worries', 'Kept as it is');
			await waitForSaved(senco, 'the worry');
			const editor = documentEditorOf(team, 'senco');
			const open = { id: meetingId, childId: team.childId, status: 'scheduled' };

			const tooEarly = await restoreMeeting(database.db, server.collab.live, open, early, editor);
			expect(tooEarly).toEqual({
				restored: false,
				reason: expect.stringContaining('had not been opened yet') as unknown
			});
			const closed = await restoreMeeting(
				database.db,
				server.collab.live,
				{ ...open, status: 'closed' },
				new Date(),
				editor
			);
			expect(closed).toEqual({
				restored: false,
				reason: expect.stringContaining('has been closed') as unknown
			});
			expect(readMeetingDoc(senco.document).workingAndWorries.worries.text).toBe('Kept as it is');
		}
	);
});
