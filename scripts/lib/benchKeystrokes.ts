import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { typingText, type BenchClient } from './benchClients.ts';

/** Keystrokes typed in one meeting and their arrival at every other client. */
export interface TypingMeeting {
	/** Arrivals expected so far: each keystroke, once per other client. */
	expected(): number;
	stop(): void;
}

interface Sent {
	/** The typist's Yjs clock after the keystroke: a client holding it has the keystroke. */
	clock: number;
	at: number;
}

async function textOf(client: BenchClient, create: boolean): Promise<Y.XmlText> {
	const deadline = performance.now() + 30_000;
	for (;;) {
		const text = typingText(client.doc, create);
		if (text) return text;
		if (performance.now() > deadline) throw new Error('the text to type into never arrived');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/**
 * Starts `typists` of a meeting's clients (the first ones) typing one character every
 * `intervalMs`, each from a random moment as people do, into one shared paragraph. A
 * keystroke is timed from the typist's change to the transaction that brings it into each
 * other client's copy, which every client watches through its state vector (so any number
 * of typists can share a text). Latencies are pushed to `latencies` as they arrive, or,
 * to tell clients apart (those on one server from those on another), to the list it
 * gives for each client.
 */
export async function typeInMeeting(
	clients: BenchClient[],
	typists: number,
	intervalMs: number,
	latencies: number[] | ((client: BenchClient) => number[])
): Promise<TypingMeeting> {
	const [first] = clients;
	if (!first) throw new Error('a meeting with no clients');
	await textOf(first, true);
	const typing = clients.slice(0, typists);
	const texts = await Promise.all(typing.map((client) => textOf(client, false)));
	const sent = new Map<number, Sent[]>(typing.map((client) => [client.doc.clientID, []]));
	for (const client of clients) {
		const arrivals = Array.isArray(latencies) ? latencies : latencies(client);
		// How many of each typist's keystrokes this client has counted.
		const counted = new Map<number, number>();
		client.doc.on('afterTransaction', (transaction: Y.Transaction) => {
			if (transaction.local) return;
			const now = performance.now();
			for (const [typist, keystrokes] of sent) {
				const clock = transaction.afterState.get(typist);
				if (clock === undefined || clock === transaction.beforeState.get(typist)) continue;
				let index = counted.get(typist) ?? 0;
				for (; index < keystrokes.length; index += 1) {
					const keystroke = keystrokes[index];
					if (!keystroke || keystroke.clock > clock) break;
					arrivals.push(now - keystroke.at);
				}
				counted.set(typist, index);
			}
		});
	}
	let expected = 0;
	const timers: ReturnType<typeof setTimeout>[] = [];
	typing.forEach((client, index) => {
		const text = texts[index];
		const keystrokes = sent.get(client.doc.clientID);
		if (!text || !keystrokes) return;
		const start = setTimeout(() => {
			timers.push(
				setInterval(() => {
					const at = performance.now();
					text.insert(text.length, 'a');
					keystrokes.push({ clock: Y.getState(client.doc.store, client.doc.clientID), at });
					expected += clients.length - 1;
				}, intervalMs)
			);
		}, Math.random() * intervalMs);
		timers.push(start);
	});
	return {
		expected: () => expected,
		stop() {
			for (const timer of timers) clearInterval(timer);
		}
	};
}
