import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BenchClient } from './benchClients.ts';
import { typeInMeeting } from './benchKeystrokes.ts';

const DELAY_MS = 15;

/** Clients whose documents pass every update to each other after DELAY_MS, as a server would. */
function relayedClients(count: number): BenchClient[] {
	const docs = Array.from({ length: count }, () => new Y.Doc());
	for (const doc of docs) {
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === 'relay') return;
			setTimeout(() => {
				for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, 'relay');
			}, DELAY_MS);
		});
	}
	return docs.map((doc) => ({ doc, synced: Promise.resolve(), close: () => doc.destroy() }));
}

describe('timing keystrokes in a meeting', () => {
	it('times each typist’s keystrokes to their arrival at every other client', async () => {
		const clients = relayedClients(4);
		const latencies: number[] = [];
		const meeting = await typeInMeeting(clients, 2, 10, latencies);
		const typing = Date.now() + 5000;
		// Until both typists have typed a few keystrokes.
		while (meeting.expected() < 30 && Date.now() < typing) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		meeting.stop();
		const expected = meeting.expected();
		// Two typists, each keystroke expected at the three other clients.
		expect(expected).toBeGreaterThan(0);
		expect(expected % 3).toBe(0);
		const deadline = Date.now() + 2000;
		while (latencies.length < expected && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		expect(latencies).toHaveLength(expected);
		// Timers may fire a little early; never much before the relay's delay.
		expect(Math.min(...latencies)).toBeGreaterThanOrEqual(DELAY_MS - 2);
		for (const client of clients) client.close();
	});

	it('keeps each client’s arrivals apart when asked', async () => {
		const clients = relayedClients(3);
		const far = clients[2];
		const near: number[] = [];
		const away: number[] = [];
		const meeting = await typeInMeeting(clients, 1, 10, (client) => (client === far ? away : near));
		const typing = Date.now() + 5000;
		while (meeting.expected() < 10 && Date.now() < typing) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		meeting.stop();
		// Each keystroke is expected at the two clients that did not type it.
		const each = meeting.expected() / 2;
		const deadline = Date.now() + 2000;
		while ((near.length < each || away.length < each) && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		expect(each).toBeGreaterThanOrEqual(5);
		expect(near).toHaveLength(each);
		expect(away).toHaveLength(each);
		for (const client of clients) client.close();
	});
});
