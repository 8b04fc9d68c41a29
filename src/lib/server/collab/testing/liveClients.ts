import {
	meetingDocumentName,
	restrictedDocumentName
} from '../../../shared/collab/documentName.ts';
import { readSchemaVersion } from '../../../shared/collab/meetingDoc.ts';
import type { SignedInUser } from '../../testing/factories.ts';
import {
	connectProvider,
	openTestWebsocket,
	waitFor,
	type CollabTestServer,
	type ConnectOptions,
	type TestConnection,
	type TestWebsocket
} from './collabTestServer.ts';

/** Where a client connects: which server (by default the test's), over which websocket. */
export interface Via {
	server?: CollabTestServer;
	websocket?: TestWebsocket;
}

/**
 * The live connections of one test, as people's browsers make them, to the test's
 * collaboration server unless told otherwise. Every connection and websocket opened
 * here is closed by closeAll(), which the collabTest fixture calls when the test ends.
 */
export interface LiveClients {
	/**
	 * Opens a meeting's live document as the person would in the browser and waits until
	 * it has synced (the server has created it from the casework if it was new).
	 */
	openMeeting(person: SignedInUser, meetingId: string, via?: Via): Promise<TestConnection>;
	/** Starts opening the restricted companion document (it may be refused). */
	connectRestricted(person: SignedInUser, meetingId: string, via?: Via): TestConnection;
	/** Starts opening any document, with any cookie or token: for tests of refusals. */
	connect(options: Omit<ConnectOptions, 'url'> & { server?: CollabTestServer }): TestConnection;
	/** A websocket that several documents can share, as in the browser. */
	openWebsocket(options: {
		cookie?: string;
		origin?: string;
		server?: CollabTestServer;
	}): TestWebsocket;
	/** Closes everything opened here, newest first. */
	closeAll(): void;
}

export function liveClients(server: CollabTestServer): LiveClients {
	const opened: { close(): void }[] = [];
	const connect: LiveClients['connect'] = ({ server: target = server, ...options }) => {
		const connection = connectProvider({ url: target.url, ...options });
		opened.push(connection);
		return connection;
	};
	return {
		async openMeeting(person, meetingId, via = {}) {
			const connection = connect({
				server: via.server,
				websocket: via.websocket,
				name: meetingDocumentName(meetingId),
				cookie: person.cookie
			});
			await waitFor(
				() => connection.provider.isSynced && readSchemaVersion(connection.document) !== null,
				`${person.name} to open the meeting`
			);
			return connection;
		},
		connectRestricted(person, meetingId, via = {}) {
			return connect({
				server: via.server,
				websocket: via.websocket,
				name: restrictedDocumentName(meetingId),
				cookie: person.cookie
			});
		},
		connect,
		openWebsocket({ server: target = server, ...options }) {
			const websocket = openTestWebsocket({ url: target.url, ...options });
			opened.push({ close: websocket.destroy });
			return websocket;
		},
		closeAll() {
			while (opened.length > 0) opened.pop()?.close();
		}
	};
}
