import { describe, expect } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { addAgendaItem, readAgenda, setFieldText } from '../../../shared/collab/meetingDoc.ts';
import { createMeeting } from '../../testing/factories.ts';
import { collabTest } from '../testing/collabTest.ts';
import { waitFor, waitForSaved } from '../testing/collabTestServer.ts';
import { ywsUrl } from '../testing/ywsClients.ts';
import { rawSocket, synced, tokenFor, yws } from '../testing/ywsTest.ts';

/** A small frame limit stands in for the real 512 KB. */
collabTest.override('serverOptions', { maxMessageBytes: 64 * 1024 });

function syncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

function syncUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

describe('/yws: bad input gets a clear close and harms nothing', () => {
	collabTest(
		'garbage, unknown message types, oversize frames and bad names are closed with reasons',
		async ({ database, team, server, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const secret = await tokenFor(database.db, team, 'senco', meetingId);
			const headers = { authorization: `Bearer ${secret}` };
			const url = `${ywsUrl(server)}/${name}`;

			// Once the document is open, a bad frame ends the socket: an edit sent right behind
			// it goes nowhere.
			const garbage = await rawSocket(url, headers);
			garbage.socket.send(syncStep1(new Y.Doc()));
			await waitFor(() => garbage.frames.length > 0, 'the document to open');
			const behind = new Y.Doc();
			addAgendaItem(behind, 'Sent behind a bad frame');
			garbage.socket.send(Uint8Array.from([0, 1, 0xff, 0xff, 0xff]));
			garbage.socket.send(syncUpdate(Y.encodeStateAsUpdate(behind)));
			expect(await garbage.closed).toEqual({ code: 4400, reason: 'malformed-message' });

			const badAwareness = await rawSocket(url, headers);
			badAwareness.socket.send(Uint8Array.from([1, 4, 1, 1, 1, 0x7b]));
			expect(await badAwareness.closed).toEqual({ code: 4400, reason: 'malformed-message' });

			const unknown = await rawSocket(url, headers);
			unknown.socket.send(Uint8Array.from([5, 2, 0x68, 0x69]));
			expect(await unknown.closed).toEqual({ code: 4400, reason: 'unsupported-message-type' });

			const oversize = await rawSocket(url, headers);
			oversize.socket.send(new Uint8Array(65 * 1024));
			expect((await oversize.closed).code).toBe(1009);

			for (const badName of ['__proto__', 'meeting:not-a-uuid', '%E0%A4%A', '']) {
				const bad = await rawSocket(`${ywsUrl(server)}/${badName}`, headers);
				expect(await bad.closed).toEqual({ code: 4404, reason: 'unknown-document' });
			}

			// The server carries on: a Hocuspocus client and a tool still edit together.
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			expect(readAgenda(senco.document).items.map((item) => item.title)).not.toContain(
				'Sent behind a bad frame'
			);
			const tool = await synced(yws({ server, name, token: secret }), 'a good tool to sync');
			addAgendaItem(tool.document, 'After the bad frames');
			await waitFor(
				() =>
					readAgenda(senco.document).items.some((item) => item.title === 'After the bad frames'),
				'the good edit'
			);
		}
	);

	collabTest(
		'only sync and awareness messages reach a y-websocket client',
		async ({ database, team, server, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const secret = await tokenFor(database.db, team, 'senco', meetingId);
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			const raw = await rawSocket(`${ywsUrl(server)}/${name}`, {
				authorization: `Bearer ${secret}`
			});
			// Sync step 1 from an empty document, then an edit: Hocuspocus answers with sync
			// steps, and would add its authenticated, access-notice, sync-status and stored notices.
			const doc = new Y.Doc();
			raw.socket.send(syncStep1(doc));
			await waitFor(() => raw.frames.some((frame) => frame[0] === 0 && frame[1] === 1), 'step 2');
			// Apply the server's state, so that the edit below is made on top of it.
			for (const frame of raw.frames.filter((frame) => frame[0] === 0)) {
				const decoder = decoding.createDecoder(frame.subarray(1));
				syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null);
			}
			const updates: Uint8Array[] = [];
			doc.on('update', (update: Uint8Array) => updates.push(update));
			addAgendaItem(doc, 'Sent over a raw socket');
			for (const update of updates) raw.socket.send(syncUpdate(update));
			await waitFor(
				() =>
					readAgenda(senco.document).items.some((item) => item.title === 'Sent over a raw socket'),
				'the raw edit to reach the SENCo'
			);
			setFieldText(senco.document, 'worries', 'Answered from Hocuspocus');
			await waitForSaved(senco);
			await server.collab.flushUpdateLog();
			await waitFor(
				() => raw.frames.filter((frame) => frame[0] === 0 && frame[1] === 2).length > 0,
				'the SENCo’s update to reach the raw socket'
			);
			expect(raw.frames.length).toBeGreaterThan(2);
			expect(raw.frames.filter((frame) => frame[0] !== 0 && frame[0] !== 1)).toEqual([]);
		}
	);
});
