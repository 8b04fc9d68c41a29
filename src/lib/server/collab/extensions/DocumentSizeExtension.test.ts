import { describe, expect } from 'vitest';
import { COLLAB_CLOSE_CODES } from '../../../shared/collab/closeCodes.ts';
import { readMeetingDoc, setFieldText } from '../../../shared/collab/meetingDoc.ts';
import { createChildWithTeam, createMeeting } from '../../testing/factories.ts';
import { collabTest } from '../testing/collabTest.ts';
import { waitFor, waitForSaved } from '../testing/collabTestServer.ts';

/** A small limit stands in for the real 20 MB so the test stays quick. */
const LIMIT = 64 * 1024;

collabTest.override('serverOptions', { maxDocumentBytes: LIMIT });

describe('document size limit', () => {
	collabTest(
		'closes only the socket whose change would take the document over the limit',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const otherTeam = await createChildWithTeam(database.db);
			const otherMeetingId = await createMeeting(database.db, otherTeam);
			const writer = await clients.openMeeting(team.member('senco'), meetingId);
			const bystander = await clients.openMeeting(team.member('parent'), meetingId);

			setFieldText(writer.document, 'familyViews', 'x'.repeat(LIMIT / 2));
			await waitForSaved(writer, 'the first half to be accepted');
			setFieldText(writer.document, 'childViews', 'y'.repeat(LIMIT / 2 + 1024));
			await waitFor(
				() => writer.websocket.closeCodes.includes(COLLAB_CLOSE_CODES.documentTooLarge),
				'the writer’s socket to be closed with the size code'
			);

			const live = server.collab.hocuspocus.documents.get(`meeting:${meetingId}`);
			expect(live && readMeetingDoc(live).childViews.text).toBe('');
			// Everyone else carries on: small edits to the same document, and other documents.
			setFieldText(bystander.document, 'worries', 'Still saving');
			await waitForSaved(bystander, 'the bystander to keep saving');
			expect(bystander.websocket.closeCodes).toEqual([]);
			const elsewhere = await clients.openMeeting(otherTeam.member('senco'), otherMeetingId);
			setFieldText(elsewhere.document, 'worries', 'Another meeting');
			await waitForSaved(elsewhere, 'another meeting to keep saving');
		}
	);
});
