import {
	meetingDocumentName,
	restrictedDocumentName
} from '../../../shared/collab/documentName.ts';
import { readSchemaVersion } from '../../../shared/collab/meetingDoc.ts';
import {
	connectProvider,
	waitFor,
	type CollabTestServer,
	type TestConnection,
	type TestWebsocket
} from './collabTestServer.ts';
import type { TestPerson } from './meetingFixtures.ts';

/**
 * Opens a meeting's live document as a person would in the browser and waits until it
 * has synced (the server has created it from the casework if it was new).
 */
export async function openMeeting(
	server: CollabTestServer,
	person: TestPerson,
	meetingId: string,
	cleanups: (() => void)[],
	websocket?: TestWebsocket
): Promise<TestConnection> {
	const connection = connectProvider({
		url: server.url,
		name: meetingDocumentName(meetingId),
		cookie: person.cookie,
		websocket
	});
	cleanups.push(connection.close);
	await waitFor(
		() => connection.provider.isSynced && readSchemaVersion(connection.document) !== null,
		`${person.name} to open the meeting`
	);
	return connection;
}

/** Starts opening the restricted companion document (it may be refused). */
export function connectRestricted(
	server: CollabTestServer,
	person: TestPerson,
	meetingId: string,
	cleanups: (() => void)[],
	websocket?: TestWebsocket
): TestConnection {
	const connection = connectProvider({
		url: server.url,
		name: restrictedDocumentName(meetingId),
		cookie: person.cookie,
		websocket
	});
	cleanups.push(connection.close);
	return connection;
}
