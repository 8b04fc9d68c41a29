import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	startCollabTestServer,
	waitFor,
	waitForSaved,
	type CollabTestServer
} from '$lib/server/collab/testing/collabTestServer.ts';
import { openMeeting } from '$lib/server/collab/testing/liveMeeting.ts';
import {
	createChildWithTeam,
	createMeeting,
	type TestPerson
} from '$lib/server/collab/testing/meetingFixtures.ts';
import { meetingDocumentName } from '../../shared/collab/documentName.ts';
import { readMeetingDoc, setFieldText } from '../../shared/collab/meetingDoc.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { readLog } from './documentStore.ts';
import { storedDocuments } from './liveDocuments.ts';

let database: TestDatabase;
let server: CollabTestServer | null = null;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
	database = await createTestDatabase();
});

afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

afterAll(async () => {
	await server?.stop();
	await database?.close();
});

const editor = (person: TestPerson) => ({ id: person.userId, name: person.name, email: 'x@y.z' });

describe('without a live server in the process', () => {
	it('changes the stored document and logs the update with its author', async () => {
		const team = await createChildWithTeam(database.db);
		const senco = team.people.senco as TestPerson;
		const meetingId = await createMeeting(database.db, team);
		const name = meetingDocumentName(meetingId);
		const documents = storedDocuments(database.db);
		const result = await documents.change(name, editor(senco), (doc) =>
			setFieldText(doc, 'familyViews', 'Written by a service')
		);
		expect(result.via).toBe('stored');
		const stored = await documents.read(name);
		expect(readMeetingDoc(stored).familyViews.text).toBe('Written by a service');
		const log = await readLog(database.db, name);
		expect(log.map((row) => row.userId)).toEqual([senco.userId]);
	});
});

describe('with the live server running', () => {
	it('reads the document in memory and changes it for everyone connected, attributed', async () => {
		server = await startCollabTestServer(database.db);
		const live = server.collab.live;
		const team = await createChildWithTeam(database.db);
		const senco = team.people.senco as TestPerson;
		const parent = team.people.parent as TestPerson;
		const meetingId = await createMeeting(database.db, team);
		const name = meetingDocumentName(meetingId);
		const parentsView = await openMeeting(server, parent, meetingId, cleanups);
		setFieldText(parentsView.document, 'childViews', 'Typed a moment ago');
		await waitForSaved(parentsView);
		expect(readMeetingDoc(await live.read(name)).childViews.text).toBe('Typed a moment ago');

		const result = await live.change(name, editor(senco), (doc) =>
			setFieldText(doc, 'familyViews', 'Changed by a service')
		);
		expect(result.via).toBe('live');
		await waitFor(
			() => readMeetingDoc(parentsView.document).familyViews.text === 'Changed by a service',
			'the parent to see the change'
		);
		const log = await readLog(database.db, name);
		expect(log.at(-1)?.userId).toBe(senco.userId);
		// The copy handed out is private: changing it changes nothing live.
		const copy = await live.read(name);
		setFieldText(copy, 'familyViews', 'Not shared');
		expect(readMeetingDoc(parentsView.document).familyViews.text).toBe('Changed by a service');
	});
});
