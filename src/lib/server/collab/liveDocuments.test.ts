import { describe, expect } from 'vitest';
import { meetingDocumentName } from '../../shared/collab/documentName.ts';
import { readMeetingDoc, setFieldText } from '../../shared/collab/meetingDoc.ts';
import { createMeeting } from '../testing/factories.ts';
import { readLog } from './documentStore.ts';
import { storedDocuments } from './liveDocuments.ts';
import { collabTest } from './testing/collabTest.ts';
import { waitFor, waitForSaved } from './testing/collabTestServer.ts';

// The collaboration server is started only by the test that asks for it (`server`).

describe('without a live server in the process', () => {
	collabTest(
		'changes the stored document and logs the update with its author',
		async ({ database, team }) => {
			const senco = team.member('senco');
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const documents = storedDocuments(database.db);
			const result = await documents.change(name, senco, (doc) =>
				setFieldText(doc, 'familyViews', 'Written by a service')
			);
			expect(result.via).toBe('stored');
			const stored = await documents.read(name);
			expect(readMeetingDoc(stored).familyViews.text).toBe('Written by a service');
			const log = await readLog(database.db, name);
			expect(log.map((row) => row.userId)).toEqual([senco.id]);
		}
	);
});

describe('with the live server running', () => {
	collabTest(
		'reads the document in memory and changes it for everyone connected, attributed',
		async ({ database, server, team, clients }) => {
			const live = server.collab.live;
			const senco = team.member('senco');
			const parent = team.member('parent');
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const parentsView = await clients.openMeeting(parent, meetingId);
			setFieldText(parentsView.document, 'childViews', 'Typed a moment ago');
			await waitForSaved(parentsView);
			expect(readMeetingDoc(await live.read(name)).childViews.text).toBe('Typed a moment ago');

			const result = await live.change(name, senco, (doc) =>
				setFieldText(doc, 'familyViews', 'Changed by a service')
			);
			expect(result.via).toBe('live');
			await waitFor(
				() => readMeetingDoc(parentsView.document).familyViews.text === 'Changed by a service',
				'the parent to see the change'
			);
			const log = await readLog(database.db, name);
			expect(log.at(-1)?.userId).toBe(senco.id);
			// The copy handed out is private: changing it changes nothing live.
			const copy = await live.read(name);
			setFieldText(copy, 'familyViews', 'Not shared');
			expect(readMeetingDoc(parentsView.document).familyViews.text).toBe('Changed by a service');
		}
	);
});
