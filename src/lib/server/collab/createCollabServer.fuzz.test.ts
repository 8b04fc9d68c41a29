import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { describe, expect } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { collabClientToken } from '../../shared/collab/clientToken.ts';
import { meetingDocumentName } from '../../shared/collab/documentName.ts';
import { fieldText, readMeetingDoc, setFieldText } from '../../shared/collab/meetingDoc.ts';
import { createMeeting } from '../testing/factories.ts';
import { loadStoredDoc } from './documentStore.ts';
import { collabTest } from './testing/collabTest.ts';
import { waitFor, waitForSaved } from './testing/collabTestServer.ts';
import { random, sendFuzzedFrames } from './testing/fuzz.ts';

const SEED = 20261203;
const FRAMES = 1500;

/** Frames a real provider sends, recorded to be mutated. */
function recordingWebSocket(sent: Uint8Array[], cookie: string) {
	return class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: { cookie } });
		}
		override send(data: unknown, ...rest: unknown[]): void {
			if (data instanceof Uint8Array) sent.push(new Uint8Array(data));
			(super.send as (...args: unknown[]) => void)(data, ...rest);
		}
	};
}

describe('websocket frames from a hostile client', () => {
	collabTest(
		`random and mutated frames (seed ${SEED}) crash nothing and corrupt no document`,
		async ({ database, team, clients, server }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			setFieldText(senco.document, 'familyViews', 'Written before the attack');
			await waitForSaved(senco);

			// A real session of the attacker's own (a member of the team), recorded.
			const recorded: Uint8Array[] = [];
			const recording = new Y.Doc();
			const socket = new HocuspocusProviderWebsocket({
				url: server.url,
				WebSocketPolyfill: recordingWebSocket(recorded, team.member('parent').cookie),
				maxAttempts: 1
			});
			const provider = new HocuspocusProvider({
				websocketProvider: socket,
				name,
				document: recording,
				token: collabClientToken('meeting')
			});
			provider.attach();
			await waitFor(() => provider.isSynced, 'the recorded session to sync');
			setFieldText(recording, 'worries', 'A recorded edit');
			await waitFor(() => provider.unsyncedChanges === 0, 'the recorded edit');
			provider.destroy();
			socket.destroy();
			expect(recorded.length).toBeGreaterThan(3);

			const next = random(SEED);
			const sockets = await sendFuzzedFrames({
				url: server.url,
				headers: { cookie: team.member('parent').cookie },
				recorded,
				next,
				frames: FRAMES,
				perSocket: 100
			});

			// The server still serves: the SENCo edits on, and a new connection works.
			setFieldText(senco.document, 'childViews', 'Written after the attack');
			await waitForSaved(senco, 'the SENCo’s edit after the attack');
			const late = await clients.openMeeting(team.member('salt'), meetingId);
			expect(fieldText(late.document, 'childViews')).toBe('Written after the attack');
			expect(fieldText(late.document, 'familyViews')).toBe('Written before the attack');

			// No document was corrupted: the stored one loads, reads and matches the live one.
			await server.collab.flushUpdateLog();
			const stored = await loadStoredDoc(database.db, name);
			expect(() => readMeetingDoc(stored)).not.toThrow();
			expect(fieldText(stored, 'familyViews')).toBe('Written before the attack');
			const live = server.collab.hocuspocus.documents.get(name);
			if (live) expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(live));
			console.log(`websocket fuzz: ${FRAMES} frames over ${sockets} sockets (seed ${SEED})`);
		}
	);
});
