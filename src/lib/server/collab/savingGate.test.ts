import { describe, expect } from 'vitest';
import { meetingDocumentName } from '../../shared/collab/documentName.ts';
import { fieldText, setFieldText } from '../../shared/collab/meetingDoc.ts';
import { createMeeting } from '../testing/factories.ts';
import { readLog } from './documentStore.ts';
import { collabTest } from './testing/collabTest.ts';
import { switchableDatabase } from './testing/switchableDatabase.ts';
import {
	ownEditsStored,
	startCollabTestServer,
	waitFor,
	waitUntil,
	type CollabTestServer,
	type TestConnection
} from './testing/collabTestServer.ts';

const mentions = (update: Uint8Array, text: string) =>
	Buffer.from(update).includes(Buffer.from(text, 'utf8'));

/** What the page does when saving resumes: send again whatever the server dropped. */
function resendOnResume(connection: TestConnection): void {
	let seen = 0;
	const timer = setInterval(() => {
		const notices = connection.savingPaused;
		for (; seen < notices.length; seen++) {
			if (notices[seen] === false) connection.provider.forceSync();
		}
	}, 10);
	connection.provider.on('destroy', () => clearInterval(timer));
}

/** Hocuspocus's sync-status replies saying "not applied": [name][type 8][0], lib0-encoded. */
function refusedEdits(connection: TestConnection): number {
	return connection.websocket.frames.filter((frame) => {
		let offset = 0;
		const readVarUint = () => {
			let value = 0;
			for (let shift = 0; offset < frame.length; shift += 7) {
				const byte = frame[offset++] ?? 0;
				value += (byte & 0x7f) * 2 ** shift;
				if (byte < 0x80) break;
			}
			return value;
		};
		const nameLength = readVarUint();
		offset += nameLength;
		return readVarUint() === 8 && readVarUint() === 0;
	}).length;
}

const lastNotice = (connection: TestConnection) => connection.savingPaused.at(-1);

describe('saving while the database fails', () => {
	collabTest(
		'pauses editing with a notice, keeps every edit and resumes by itself',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const { db, state } = switchableDatabase(database.db);
			const server: CollabTestServer = await startCollabTestServer(db, {
				updateLogLimits: { pauseAfterFailingMs: 300, retryDelayMs: 50, maxRetryDelayMs: 100 }
			});
			try {
				const senco = await clients.openMeeting(team.member('senco'), meetingId, { server });
				const parent = await clients.openMeeting(team.member('parent'), meetingId, { server });
				resendOnResume(senco);

				state.down = true;
				setFieldText(senco.document, 'familyViews', 'Typed as the database went down.');
				await waitFor(() => lastNotice(senco) === true, 'saving to pause', 5000);
				expect(lastNotice(parent)).toBe(true);
				expect(server.collab.savingPaused()).toBe(true);
				expect(ownEditsStored(senco)).toBe(false);

				// While paused the server takes nothing: the edit stays on the device.
				setFieldText(senco.document, 'worries', 'Typed while saving was paused.');
				const live = server.collab.hocuspocus.documents.get(name);
				await waitFor(() => refusedEdits(senco) > 0, 'the server to refuse the edit');
				expect(live && fieldText(live, 'worries')).toBe('');

				state.down = false;
				await waitFor(() => lastNotice(senco) === false, 'saving to resume', 5000);
				expect(server.collab.savingPaused()).toBe(false);
				await waitFor(() => ownEditsStored(senco), 'everything typed to be stored', 5000);
				await waitFor(
					() => fieldText(parent.document, 'worries') === 'Typed while saving was paused.',
					'the others to see the resent edit'
				);
				const log = await readLog(database.db, name);
				for (const text of ['Typed as the database went down.', 'Typed while saving was paused.']) {
					expect(log.filter((row) => mentions(row.update, text))).toHaveLength(1);
				}
			} finally {
				await server.stop();
			}
		}
	);

	collabTest(
		'pauses when too much waits to be written, and keeps the document loaded until it is',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const { db, state } = switchableDatabase(database.db);
			const server = await startCollabTestServer(db, {
				updateLogLimits: {
					pauseAfterFailingMs: 60_000,
					retryDelayMs: 50,
					maxRetryDelayMs: 100,
					maxDocumentBytes: 2000
				}
			});
			try {
				const senco = await clients.openMeeting(team.member('senco'), meetingId, { server });
				state.down = true;
				setFieldText(senco.document, 'familyViews', 'A long paragraph. '.repeat(200));
				await waitFor(() => lastNotice(senco) === true, 'the full buffer to pause saving');

				// Everyone leaves: the document still holds unwritten edits, so it stays.
				senco.close();
				await waitFor(
					() => server.collab.hocuspocus.documents.get(name)?.getConnectionsCount() === 0,
					'the connection to close'
				);
				expect(server.collab.hocuspocus.documents.has(name)).toBe(true);

				state.down = false;
				await waitUntil(
					async () =>
						(await readLog(database.db, name)).some((row) => mentions(row.update, 'long')),
					'the buffered edit to be written'
				);
				await waitFor(
					() => !server.collab.hocuspocus.documents.has(name),
					'the document to unload'
				);
				expect(server.collab.savingPaused()).toBe(false);
			} finally {
				await server.stop();
			}
		}
	);
});
