import { performance } from 'node:perf_hooks';
import { hocuspocusClient, yWebsocketClient, type BenchClient } from './benchClients.ts';
import type { BenchServer } from './benchProcess.ts';
import type { LatencySummary } from './benchReport.ts';

/** Document names a server can open: Coplan's seeded meetings, any name elsewhere. */
export class DocumentNames {
	private next = 0;
	private readonly server: BenchServer;
	constructor(server: BenchServer) {
		this.server = server;
	}
	take(): string {
		const meetings = this.server.ready.meetings;
		if (!meetings) return `bench-${process.pid}-${this.next++}`;
		const id = meetings[this.next++];
		if (!id) throw new Error('the Coplan server was seeded with too few meetings');
		return `meeting:${id}`;
	}
}

/** A client of `name` on the server; Coplan's carry the team's session cookies in turn. */
export function connect(server: BenchServer, name: string, index: number): BenchClient {
	if (server.kind === 'y-websocket') return yWebsocketClient(server.ready.url, name);
	const cookies = server.ready.cookies;
	const cookie = cookies ? cookies[index % cookies.length] : undefined;
	return hocuspocusClient(server.ready.url, name, cookie);
}

export function percentile(sorted: number[], fraction: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN;
}

export const round = (value: number) => Math.round(value * 100) / 100;

/** Latencies' percentiles and maximum, in ms to two places. */
export function summarise(latencies: number[]): LatencySummary & { p95: number } {
	const sorted = [...latencies].sort((a, b) => a - b);
	return {
		p50: round(percentile(sorted, 0.5)),
		p90: round(percentile(sorted, 0.9)),
		p95: round(percentile(sorted, 0.95)),
		p99: round(percentile(sorted, 0.99)),
		max: round(sorted.at(-1) ?? NaN)
	};
}

export function median(values: number[]): number {
	return round(
		percentile(
			[...values].sort((a, b) => a - b),
			0.5
		)
	);
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the server holds at most `count` documents in memory (30 s at most); false
 * if it does not get there, at once for a server that never lets documents go.
 */
export async function untilLoaded(server: BenchServer, count: number): Promise<boolean> {
	if (server.ready.keepsDocuments) return false;
	const deadline = performance.now() + 30_000;
	while (performance.now() < deadline) {
		if ((await server.lag()).documents <= count) return true;
		await pause(100);
	}
	return false;
}
