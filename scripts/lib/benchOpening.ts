import { performance } from 'node:perf_hooks';
import { typingText, type BenchClient } from './benchClients.ts';
import { connect, median, pause, untilLoaded, type DocumentNames } from './benchConnect.ts';
import type { BenchServer } from './benchProcess.ts';

export interface OpeningResult {
	/** A document nobody has opened (Coplan: a meeting whose document it makes). */
	newMs: number;
	/** A document already in memory. */
	warmMs: number;
	/** A document written earlier and no longer in memory (Coplan: read from the database). */
	coldMs: number | null;
	connectingMs: number;
}

async function timeToSync(client: BenchClient): Promise<number> {
	const started = performance.now();
	await client.synced;
	return performance.now() - started;
}

/**
 * Times opening documents, each figure the median of `samples` opens: new ones (each
 * then typed into, 200 keystrokes, and closed), warm ones (a second client of a document
 * in memory) and, once the server has let the new ones go, the same ones cold. Then
 * `crowd` clients connecting to one document at once. A server that keeps nothing (the
 * baselines) opens a cold document as a new, empty one.
 */
export async function measureOpening(
	server: BenchServer,
	names: DocumentNames,
	samples: number,
	crowd: number
): Promise<OpeningResult> {
	const opened: string[] = [];
	const newTimes: number[] = [];
	for (let index = 0; index < samples; index += 1) {
		const name = names.take();
		const client = connect(server, name, 0);
		newTimes.push(await timeToSync(client));
		const text = typingText(client.doc, true);
		for (let key = 0; key < 200; key += 1) text?.insert(text.length, 'a');
		// Give the server a moment to take the keystrokes before the socket goes.
		await pause(200);
		client.close();
		opened.push(name);
	}
	const keptName = names.take();
	const keeper = connect(server, keptName, 0);
	await keeper.synced;
	const warmTimes: number[] = [];
	for (let index = 0; index < samples; index += 1) {
		const client = connect(server, keptName, index + 1);
		warmTimes.push(await timeToSync(client));
		client.close();
	}
	let coldMs: number | null = null;
	if (await untilLoaded(server, 1)) {
		const coldTimes: number[] = [];
		for (const [index, name] of opened.entries()) {
			const client = connect(server, name, index);
			coldTimes.push(await timeToSync(client));
			client.close();
		}
		coldMs = median(coldTimes);
	}
	keeper.close();
	const crowdName = names.take();
	// Starts a span of its own for BENCH_CPU_PROF (benchServers/control.ts).
	await server.lag();
	const crowdStart = performance.now();
	const clients = Array.from({ length: crowd }, (_, index) => connect(server, crowdName, index));
	await Promise.all(clients.map((client) => client.synced));
	const connectingMs = Math.round(performance.now() - crowdStart);
	await server.lag();
	for (const client of clients) client.close();
	return { newMs: median(newTimes), warmMs: median(warmTimes), coldMs, connectingMs };
}
