import { describe, expect } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	addAgendaItem,
	fieldText,
	readMeetingDoc,
	setFieldText
} from '../../../shared/collab/meetingDoc.ts';
import { createMeeting } from '../../testing/factories.ts';
import { loadStoredDoc } from '../documentStore.ts';
import { collabTest } from '../testing/collabTest.ts';
import { waitFor, waitForSaved } from '../testing/collabTestServer.ts';
import { random, sendFuzzedFrames } from '../testing/fuzz.ts';
import { ywsUrl } from '../testing/ywsClients.ts';
import { flushThrough, synced, tokenFor, yws } from '../testing/ywsTest.ts';

const SEED = 20261204;
const FRAMES = 600;

describe('/yws frames from a hostile client', () => {
	collabTest(
		`random and mutated y-websocket frames (seed ${SEED}) crash nothing and corrupt no document`,
		async ({ database, team, clients, server }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const secret = await tokenFor(database.db, team, 'senco', meetingId);
			const headers = { authorization: `Bearer ${secret}` };
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			setFieldText(senco.document, 'familyViews', 'Written before the attack');
			await waitForSaved(senco);

			// A real y-websocket session, its frames recorded to be mutated.
			const recorded: Uint8Array[] = [];
			class RecordingWebSocket extends WebSocket {
				constructor(address: string | URL, protocols?: string | string[]) {
					super(address, protocols, { headers });
				}
				override send(data: unknown, ...rest: unknown[]): void {
					if (data instanceof Uint8Array) recorded.push(new Uint8Array(data));
					(super.send as (...args: unknown[]) => void)(data, ...rest);
				}
			}
			const recording = new Y.Doc();
			const provider = new WebsocketProvider(ywsUrl(server), name, recording, {
				WebSocketPolyfill: RecordingWebSocket as unknown as typeof globalThis.WebSocket,
				disableBc: true
			});
			await waitFor(() => provider.synced, 'the recorded session to sync');
			addAgendaItem(recording, 'A recorded edit');
			provider.awareness.setLocalStateField('user', { name: 'A script' });
			await waitFor(
				() => senco.document.getArray('agenda').length === 3,
				'the recorded edit to arrive'
			);
			provider.destroy();
			recording.destroy();
			expect(recorded.length).toBeGreaterThan(3);

			const next = random(SEED);
			const sockets = await sendFuzzedFrames({
				url: `${ywsUrl(server)}/${name}`,
				headers,
				recorded,
				next,
				frames: FRAMES,
				perSocket: 10
			});

			// The server still serves: the SENCo edits on, and a new tool connection works.
			setFieldText(senco.document, 'childViews', 'Written after the attack');
			await waitForSaved(senco, 'the SENCo’s edit after the attack');
			const tool = await synced(yws({ server, name, token: secret }), 'a new tool to sync');
			await flushThrough(tool, senco.provider);
			expect(fieldText(tool.document, 'childViews')).toBe('Written after the attack');
			expect(fieldText(tool.document, 'familyViews')).toBe('Written before the attack');

			// No document was corrupted: the stored one loads, reads and matches the live one.
			await server.collab.flushUpdateLog();
			const stored = await loadStoredDoc(database.db, name);
			expect(() => readMeetingDoc(stored)).not.toThrow();
			expect(fieldText(stored, 'familyViews')).toBe('Written before the attack');
			const live = server.collab.hocuspocus.documents.get(name);
			if (live) expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(live));
			console.log(`/yws fuzz: ${FRAMES} frames over ${sockets} sockets (seed ${SEED})`);
		}
	);
});
