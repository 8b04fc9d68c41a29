import { describe, expect, it } from 'vitest';
import { type TestDatabase } from '../../db/testing.ts';
import { COLLAB_CLOSE_CODES } from '../../../shared/collab/closeCodes.ts';
import { readMeetingDoc, setFieldText } from '../../../shared/collab/meetingDoc.ts';
import { waitFor, waitForSaved, type CollabTestServer } from '../testing/collabTestServer.ts';
import { openMeeting } from '../testing/liveMeeting.ts';
import { createChildWithTeam, createMeeting } from '../testing/meetingFixtures.ts';
import { teamMember as person, useCollabTestSuite } from '../testing/collabTestSuite.ts';

/** A small limit stands in for the real 20 MB so the test stays quick. */
const LIMIT = 64 * 1024;

let database: TestDatabase;
let server: CollabTestServer;
const cleanups: (() => void)[] = [];

useCollabTestSuite((started) => ({ database, server } = started), cleanups, {
	maxDocumentBytes: LIMIT
});

describe('document size limit', () => {
	it('closes only the socket whose change would take the document over the limit', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const otherTeam = await createChildWithTeam(database.db);
		const otherMeetingId = await createMeeting(database.db, otherTeam);
		const writer = await openMeeting(server, person(team, 'senco'), meetingId, cleanups);
		const bystander = await openMeeting(server, person(team, 'parent'), meetingId, cleanups);

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
		const elsewhere = await openMeeting(
			server,
			person(otherTeam, 'senco'),
			otherMeetingId,
			cleanups
		);
		setFieldText(elsewhere.document, 'worries', 'Another meeting');
		await waitForSaved(elsewhere, 'another meeting to keep saving');
	});
});
