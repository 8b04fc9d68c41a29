/**
 * Live editing at council scale: Coplan's full collaboration server against a bare
 * Hocuspocus 4 server and the reference y-websocket server (@y/websocket-server 0.1.1),
 * each in a fresh process, the clients in this one. A keystroke is timed from the typist's
 * local change to its arrival in every other client's copy. A plain websocket relay gives
 * the floor (what the loopback and the clients cost with no Yjs); a soak of 200 meetings
 * follows each server's memory.
 *
 *   npm run bench liveEditing             the full run (several minutes)
 *   npm run bench -- --quick liveEditing  a smaller run (under 2 minutes)
 *   --servers=coplan,hocuspocus          only these servers
 *   --scenarios=200                       only scenarios whose name contains this
 *                                         (or "opening", or "soak": only that)
 *
 * Coplan uses PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set, PGlite
 * otherwise. Results are printed, with each figure's ratio to the faster baseline, and
 * written to bench/results/ (JSON) and bench/README.md (the table, its own section).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { option } from '../lib/benchArgs.ts';
import type { ServerKind } from '../lib/benchClients.ts';
import { DocumentNames, connect, pause, summarise, untilLoaded } from '../lib/benchConnect.ts';
import { echoLatencies } from '../lib/benchEcho.ts';
import { typeInMeeting } from '../lib/benchKeystrokes.ts';
import { measureOpening, type OpeningResult } from '../lib/benchOpening.ts';
import { startBenchServer, type BenchServer } from '../lib/benchProcess.ts';
import { writeReadmeSection } from '../lib/benchReadme.ts';
import { renderBenchTable, type ScenarioResult, type SoakResult } from '../lib/benchReport.ts';

const quick = process.argv.includes('--quick');
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
	/** How many of each meeting's clients type (the rest only read). */
	typists: number;
	/** Every typist's interval between keystrokes. */
	intervalMs: number;
	seconds: number;
}

/** One meeting, one typist every 20 ms, with this many clients. */
function oneMeeting(clients: number, seconds: number): Scenario {
	return {
		name: `1 meeting × ${clients.toLocaleString('en-GB')} clients, typing every 20 ms`,
		meetings: 1,
		clientsPerMeeting: clients,
		typists: 1,
		intervalMs: 20,
		seconds
	};
}

function everyoneTyping(clients: number, seconds: number): Scenario {
	return {
		name: `1 meeting × ${clients} clients, all typing every 200 ms`,
		meetings: 1,
		clientsPerMeeting: clients,
		typists: clients,
		intervalMs: 200,
		seconds
	};
}

function manyMeetings(meetings: number, seconds: number): Scenario {
	return {
		name: `${meetings} meetings × 5 clients, one typist each every 200 ms`,
		meetings,
		clientsPerMeeting: 5,
		typists: 1,
		intervalMs: 200,
		seconds
	};
}

const ALL_SCENARIOS: Scenario[] = quick
	? [oneMeeting(10, 4), oneMeeting(100, 4), everyoneTyping(50, 4), manyMeetings(50, 6)]
	: [
			oneMeeting(10, 8),
			oneMeeting(100, 8),
			oneMeeting(1000, 8),
			everyoneTyping(50, 10),
			manyMeetings(200, 15),
			manyMeetings(500, 15)
		];
const SCENARIOS = ALL_SCENARIOS.filter(
	(scenario) => onlyScenarios === undefined || scenario.name.includes(onlyScenarios)
);
const SOAK: Scenario = { ...manyMeetings(quick ? 50 : 200, quick ? 10 : 60), name: 'soak' };
const CONNECTING = quick ? 200 : 1000;
const OPENING_SAMPLES = quick ? 5 : 15;

/**
 * Runs a scenario: connects every client, starts the typists, measures for its seconds
 * (server CPU and event-loop lag over that time; RSS sampled every 5 s when asked), then
 * waits up to 3 s for the last keystrokes before counting what was delivered.
 */
async function runScenario(
	server: BenchServer,
	names: DocumentNames,
	scenario: Scenario,
	rssSamples?: number[]
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
	const typing = await Promise.all(
		meetings.map((clients) =>
			typeInMeeting(clients, scenario.typists, scenario.intervalMs, latencies)
		)
	);
	await server.lag();
	const cpuBefore = server.cpuSeconds();
	const started = performance.now();
	const sampler = rssSamples ? setInterval(() => rssSamples.push(server.rssMb()), 5000) : null;
	await pause(scenario.seconds * 1000);
	if (sampler) clearInterval(sampler);
	for (const meeting of typing) meeting.stop();
	const elapsed = (performance.now() - started) / 1000;
	const cpu = (server.cpuSeconds() - cpuBefore) / elapsed;
	const lag = await server.lag();
	const expected = typing.reduce((sum, meeting) => sum + meeting.expected(), 0);
	const deadline = performance.now() + 3000;
	while (latencies.length < expected && performance.now() < deadline) await pause(50);
	const rssMb = server.rssMb();
	for (const client of everyone) client.close();
	return {
		scenario: scenario.name,
		server: server.kind,
		...summarise(latencies),
		delivered: latencies.length,
		expected,
		cpuPercent: Math.round(cpu * 100),
		rssMb,
		heapMb: lag.heapMb,
		lagP99: lag.lagP99,
		lagMax: lag.lagMax
	};
}

/**
 * The soak: RSS before, every 5 s while 200 meetings type for a minute, and after they
 * go; the JavaScript heap in use before, at the end of the typing, and what it keeps
 * after a full collection once everyone has gone.
 */
async function soak(server: BenchServer, names: DocumentNames): Promise<SoakResult> {
	const beforeMb = server.rssMb();
	const heapBeforeMb = (await server.lag()).heapMb;
	const samples: number[] = [];
	const result = await runScenario(server, names, SOAK, samples);
	const unloaded = await untilLoaded(server, 0);
	return {
		seconds: SOAK.seconds,
		meetings: SOAK.meetings,
		beforeMb,
		peakMb: Math.max(...samples, result.rssMb),
		lastMb: samples.at(-1) ?? result.rssMb,
		afterMb: server.rssMb(),
		heapBeforeMb,
		heapEndMb: result.heapMb,
		heapAfterMb: await server.heapAfterGcMb(),
		unloaded,
		p99: result.p99
	};
}

/** The floor: the one-meeting scenarios' keystrokes through a plain websocket relay. */
async function echoFloor(): Promise<ScenarioResult[]> {
	const server = await startBenchServer('echo');
	try {
		const results: ScenarioResult[] = [];
		for (const scenario of SCENARIOS.filter((entry) => entry.meetings === 1)) {
			if (scenario.typists > 1) continue;
			const { latencies, expected } = await echoLatencies(
				server.ready.url,
				scenario.clientsPerMeeting,
				scenario.intervalMs,
				scenario.seconds
			);
			results.push({
				scenario: scenario.name,
				server: 'echo floor',
				...summarise(latencies),
				delivered: latencies.length,
				expected,
				cpuPercent: NaN,
				rssMb: NaN,
				heapMb: NaN,
				lagP99: NaN,
				lagMax: NaN
			});
		}
		return results;
	} finally {
		await server.stop();
	}
}

const KINDS = (['coplan', 'hocuspocus', 'y-websocket'] as const).filter(
	(kind: ServerKind) => onlyServers === undefined || onlyServers.includes(kind)
);
const meetingsNeeded =
	SCENARIOS.reduce((sum, scenario) => sum + scenario.meetings, 0) +
	SOAK.meetings +
	OPENING_SAMPLES +
	4;
const results: ScenarioResult[] = [];
const opening: Record<string, OpeningResult & { idleRssMb: number }> = {};
const soaks: Record<string, SoakResult> = {};
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
		if (onlyScenarios === undefined || onlyScenarios === 'opening') {
			opening[kind] = {
				...(await measureOpening(server, names, OPENING_SAMPLES, CONNECTING)),
				idleRssMb
			};
			console.log(`  opening: ${JSON.stringify(opening[kind])}`);
		}
		if (onlyScenarios === undefined || onlyScenarios === 'soak') {
			soaks[kind] = await soak(server, names);
			console.log(`  soak: ${JSON.stringify(soaks[kind])}`);
		}
	} finally {
		await server.stop();
	}
}
const floor = await echoFloor();

const commit = execSync('git rev-parse --short HEAD').toString().trim();
const report = {
	commit,
	date: new Date().toISOString(),
	node: process.version,
	cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
	quick,
	database: process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite',
	connecting: CONNECTING,
	results: [...results, ...floor],
	opening,
	soaks
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
	if (!quick) writeReadmeSection('liveEditing', table);
}
process.exit(0);
