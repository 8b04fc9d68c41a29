/**
 * Live editing at council scale: Coplan's full collaboration server against a bare
 * Hocuspocus 4 server and the reference y-websocket server (@y/websocket-server 0.1.1),
 * each in a fresh process, the clients in this one. A keystroke is timed from the typist's
 * local change to its arrival in every other client's copy.
 *
 *   npm run bench liveEditing             the full run (several minutes)
 *   npm run bench -- --quick liveEditing  a smaller run (under 2 minutes)
 *   --servers=coplan,hocuspocus          only these servers
 *   --scenarios=200                       only scenarios whose name contains this
 *
 * Coplan uses PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set, PGlite
 * otherwise. Results are printed, with each figure's ratio to the faster baseline, and
 * written to bench/results/ (JSON) and bench/README.md (the table).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
	hocuspocusClient,
	typingText,
	yWebsocketClient,
	type BenchClient,
	type ServerKind
} from '../lib/benchClients.ts';
import { startBenchServer, type BenchServer } from '../lib/benchProcess.ts';
import { renderBenchTable, type ScenarioResult } from '../lib/benchReport.ts';

const quick = process.argv.includes('--quick');
/** The value of `--name=value`, if given. */
function option(name: string): string | undefined {
	const prefix = `--${name}=`;
	return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}
const onlyScenarios = option('scenarios');
const onlyServers = option('servers')?.split(',');
const partial = onlyScenarios !== undefined || onlyServers !== undefined;
if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) {
	process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
}

interface Scenario {
	name: string;
	meetings: number;
	clientsPerMeeting: number;
	/** Every typist's interval between keystrokes. */
	intervalMs: number;
	seconds: number;
}

const ALL_SCENARIOS: Scenario[] = quick
	? [
			{
				name: '1 meeting × 10 clients, typing every 20 ms',
				meetings: 1,
				clientsPerMeeting: 10,
				intervalMs: 20,
				seconds: 4
			},
			{
				name: '1 meeting × 100 clients, typing every 20 ms',
				meetings: 1,
				clientsPerMeeting: 100,
				intervalMs: 20,
				seconds: 4
			},
			{
				name: '50 meetings × 5 clients, one typist each every 200 ms',
				meetings: 50,
				clientsPerMeeting: 5,
				intervalMs: 200,
				seconds: 6
			}
		]
	: [
			{
				name: '1 meeting × 10 clients, typing every 20 ms',
				meetings: 1,
				clientsPerMeeting: 10,
				intervalMs: 20,
				seconds: 8
			},
			{
				name: '1 meeting × 100 clients, typing every 20 ms',
				meetings: 1,
				clientsPerMeeting: 100,
				intervalMs: 20,
				seconds: 8
			},
			{
				name: '1 meeting × 1,000 clients, typing every 20 ms',
				meetings: 1,
				clientsPerMeeting: 1000,
				intervalMs: 20,
				seconds: 8
			},
			{
				name: '200 meetings × 5 clients, one typist each every 200 ms',
				meetings: 200,
				clientsPerMeeting: 5,
				intervalMs: 200,
				seconds: 15
			},
			{
				name: '500 meetings × 5 clients, one typist each every 200 ms',
				meetings: 500,
				clientsPerMeeting: 5,
				intervalMs: 200,
				seconds: 15
			}
		];
const SCENARIOS = ALL_SCENARIOS.filter(
	(scenario) => onlyScenarios === undefined || scenario.name.includes(onlyScenarios)
);
const CONNECTING = quick ? 200 : 1000;

function percentile(sorted: number[], fraction: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN;
}

const round = (value: number) => Math.round(value * 100) / 100;

class DocumentNames {
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

function connect(server: BenchServer, name: string, index: number): BenchClient {
	if (server.kind === 'y-websocket') return yWebsocketClient(server.ready.url, name);
	const cookies = server.ready.cookies;
	const cookie = cookies ? cookies[index % cookies.length] : undefined;
	return hocuspocusClient(server.ready.url, name, cookie);
}

async function runScenario(
	server: BenchServer,
	names: DocumentNames,
	scenario: Scenario
): Promise<ScenarioResult> {
	const meetings = Array.from({ length: scenario.meetings }, () => {
		const name = names.take();
		return Array.from({ length: scenario.clientsPerMeeting }, (_, index) =>
			connect(server, name, index)
		);
	});
	const everyone = meetings.flat();
	await Promise.all(everyone.map((client) => client.synced));
	const latencies: number[] = [];
	let expected = 0;
	const timers: ReturnType<typeof setInterval>[] = [];
	for (const clients of meetings) {
		const [typist, ...readers] = clients;
		if (!typist) continue;
		const text = typingText(typist.doc, true);
		if (!text) throw new Error('no text to type into');
		const sent: number[] = [];
		const base = text.length;
		for (const reader of readers) {
			let seen = base;
			reader.doc.on('update', () => {
				const readerText = typingText(reader.doc, false);
				const length = readerText?.length ?? 0;
				const now = performance.now();
				for (; seen < length; seen += 1) {
					const at = sent[seen - base];
					if (at !== undefined) latencies.push(now - at);
				}
			});
		}
		// Typists start at different moments, as people do.
		const start = setTimeout(() => {
			timers.push(
				setInterval(() => {
					sent.push(performance.now());
					expected += readers.length;
					text.insert(text.length, 'a');
				}, scenario.intervalMs)
			);
		}, Math.random() * scenario.intervalMs);
		timers.push(start as unknown as ReturnType<typeof setInterval>);
	}
	await server.lag();
	const cpuBefore = server.cpuSeconds();
	const started = performance.now();
	await new Promise((resolve) => setTimeout(resolve, scenario.seconds * 1000));
	for (const timer of timers) clearInterval(timer);
	const elapsed = (performance.now() - started) / 1000;
	const cpu = (server.cpuSeconds() - cpuBefore) / elapsed;
	const lag = await server.lag();
	// Let the last keystrokes arrive before counting what was delivered.
	const deadline = performance.now() + 3000;
	while (latencies.length < expected && performance.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	const rssMb = server.rssMb();
	for (const client of everyone) client.close();
	const sorted = [...latencies].sort((a, b) => a - b);
	return {
		scenario: scenario.name,
		server: server.kind,
		p50: round(percentile(sorted, 0.5)),
		p90: round(percentile(sorted, 0.9)),
		p99: round(percentile(sorted, 0.99)),
		max: round(sorted.at(-1) ?? NaN),
		delivered: latencies.length,
		expected,
		cpuPercent: Math.round(cpu * 100),
		rssMb,
		lagP99: lag.lagP99,
		lagMax: lag.lagMax
	};
}

async function timeToOpen(server: BenchServer, names: DocumentNames, count: number) {
	const name = names.take();
	const first = performance.now();
	const opener = connect(server, name, 0);
	await opener.synced;
	const fresh = performance.now() - first;
	const second = performance.now();
	const warm = connect(server, name, 1);
	await warm.synced;
	const warmMs = performance.now() - second;
	const crowdName = names.take();
	const crowdStart = performance.now();
	const crowd = Array.from({ length: count }, (_, index) => connect(server, crowdName, index));
	await Promise.all(crowd.map((client) => client.synced));
	const crowdMs = performance.now() - crowdStart;
	for (const client of [opener, warm, ...crowd]) client.close();
	return { newMs: round(fresh), warmMs: round(warmMs), connectingMs: Math.round(crowdMs) };
}

const KINDS = (['coplan', 'hocuspocus', 'y-websocket'] as const).filter(
	(kind: ServerKind) => onlyServers === undefined || onlyServers.includes(kind)
);
const meetingsNeeded = SCENARIOS.reduce((sum, scenario) => sum + scenario.meetings, 0) + 2;
const results: ScenarioResult[] = [];
const opening: Record<string, Awaited<ReturnType<typeof timeToOpen>> & { idleRssMb: number }> = {};
for (const kind of KINDS) {
	const server = await startBenchServer(kind, { BENCH_MEETINGS: String(meetingsNeeded) });
	try {
		const idleRssMb = server.rssMb();
		const names = new DocumentNames(server);
		console.log(
			`${kind}: started (idle RSS ${idleRssMb} MB)${server.ready.database ? ` on ${server.ready.database}` : ''}`
		);
		for (const scenario of SCENARIOS) {
			const result = await runScenario(server, names, scenario);
			results.push(result);
			console.log(
				`  ${scenario.name}: p50 ${result.p50} ms, p99 ${result.p99} ms, CPU ${result.cpuPercent}%, lag p99 ${result.lagP99} ms`
			);
		}
		opening[kind] = { ...(await timeToOpen(server, names, CONNECTING)), idleRssMb };
	} finally {
		await server.stop();
	}
}

const commit = execSync('git rev-parse --short HEAD').toString().trim();
const report = {
	commit,
	date: new Date().toISOString(),
	node: process.version,
	cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
	quick,
	database: process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite',
	connecting: CONNECTING,
	results,
	opening
};
const table = renderBenchTable(report);
console.log(`\n${table}`);
// A partial run is for looking into one thing; it leaves the recorded results alone.
if (!partial) {
	mkdirSync('bench/results', { recursive: true });
	writeFileSync(
		`bench/results/liveEditing${quick ? '-quick' : ''}.json`,
		`${JSON.stringify(report, null, 2)}\n`
	);
	if (!quick) writeFileSync('bench/README.md', table);
}
process.exit(0);
