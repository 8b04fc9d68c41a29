/**
 * Two instances against one: what a second Coplan server, sharing one PostgreSQL and one
 * Redis with the first, adds to a keystroke's way to another person in the same meeting.
 * Each setup in fresh processes, the clients in this one: Coplan as one instance (Redis
 * off), Coplan as two (A and B), and bare Hocuspocus the same two ways (with Hocuspocus's
 * own Redis extension for two), each through the same scenarios. In the two-instance runs
 * each meeting's typist and about half its readers are on one server and the other readers
 * on the other: so the figures show what Redis costs both the people on the typist's
 * server and those on the other. Every setup runs throughout and they take turns, round
 * after round, so that a busy machine weighs on them alike. One Redis pub/sub hop is timed
 * in the same run.
 *
 *   npm run bench twoInstances             the full run (about five minutes)
 *   npm run bench -- --quick twoInstances  a shorter run
 *   --setups=coplan-2,hocuspocus-2         only these setups (server-instances)
 *   --scenarios=50                         only scenarios whose name contains this
 *
 * Needs PostgreSQL (TEST_DATABASE_URL or DATABASE_URL) and Redis (REDIS_URL); without them
 * it says why and measures nothing. A full run writes bench/results/twoInstances.json and
 * its section of bench/README.md; a quick one only bench/results/twoInstances-quick.json,
 * and a partial one (--setups, --scenarios) nothing.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { option } from '../lib/benchArgs.ts';
import type { BenchClient } from '../lib/benchClients.ts';
import {
	redisHopLatencies,
	startInstances,
	stopInstances,
	whyNotMeasurable,
	type ClusterKind
} from '../lib/benchCluster.ts';
import { DocumentNames, connect, pause, summarise } from '../lib/benchConnect.ts';
import { typeInMeeting } from '../lib/benchKeystrokes.ts';
import type { BenchServer } from '../lib/benchProcess.ts';
import { writeReadmeSection } from '../lib/benchReadme.ts';
import {
	p50Differences,
	renderTwoInstances,
	targetMet,
	TARGET_MS,
	type GroupResult,
	type Readers,
	type TwoInstancesReport
} from '../lib/benchTwoInstancesReport.ts';

const quick = process.argv.includes('--quick');
const onlySetups = option('setups')?.split(',');
const onlyScenarios = option('scenarios');
const partial = onlySetups !== undefined || onlyScenarios !== undefined;
const databaseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
/** Each setup's turns at each scenario, taken in rotation with the other setups. */
const ROUNDS = quick ? 1 : 3;
const loadAverage = Math.round((loadavg()[0] ?? NaN) * 10) / 10;

interface Scenario {
	name: string;
	meetings: number;
	clientsPerMeeting: number;
	/** The one typist's interval between keystrokes, in each meeting. */
	intervalMs: number;
	seconds: number;
}

const ALL_SCENARIOS: Scenario[] = [
	{
		name: '1 meeting × 10 clients, typing every 20 ms',
		meetings: 1,
		clientsPerMeeting: 10,
		intervalMs: 20,
		seconds: quick ? 4 : 5
	},
	{
		name: '50 meetings × 4 clients, one typist each every 200 ms',
		meetings: 50,
		clientsPerMeeting: 4,
		intervalMs: 200,
		seconds: quick ? 6 : 8
	}
];

const SCENARIOS = ALL_SCENARIOS.filter(
	(scenario) => onlyScenarios === undefined || scenario.name.includes(onlyScenarios)
);

/**
 * Where a meeting's client goes: the typist (index 0) and the first half of the readers
 * on the meeting's home server, the rest on the other. Meetings alternate their home.
 */
function placement(meeting: number, index: number, clients: number, servers: BenchServer[]) {
	const home = meeting % servers.length;
	const readers = clients - 1;
	const [only] = servers;
	if (!only) throw new Error('no servers');
	if (servers.length === 1) return { server: only, readers: 'all' as const };
	const onHome = index <= Math.floor(readers / 2);
	const server = servers[onHome ? home : (home + 1) % servers.length] ?? only;
	return { server, readers: onHome ? ('typist’s server' as const) : ('other server' as const) };
}

interface Group {
	latencies: number[];
	clients: number;
	/** Each meeting's readers in this group, to count what each keystroke should reach. */
	perMeeting: number[];
}

/** One round of a scenario on one setup: a group of readers' latencies, before summing up. */
interface Measured {
	readers: Readers;
	clients: number;
	latencies: number[];
	expected: number;
	cpuPercent: number[];
	lagP99: number[];
}

/**
 * Runs a scenario on one instance or two: connects every client where placement() puts
 * it, starts each meeting's typist, measures for the scenario's seconds (each server's
 * CPU and event-loop lag over that time), then waits up to 3 s for the last keystrokes.
 */
async function runScenario(
	servers: BenchServer[],
	names: DocumentNames,
	scenario: Scenario
): Promise<Measured[]> {
	const groups = new Map<Readers, Group>();
	const groupOf = new Map<BenchClient, Group>();
	const meetings = Array.from({ length: scenario.meetings }, (_, meeting) => {
		const name = names.take();
		return Array.from({ length: scenario.clientsPerMeeting }, (_, index) => {
			const place = placement(meeting, index, scenario.clientsPerMeeting, servers);
			const client = connect(place.server, name, index);
			if (index > 0) {
				let group = groups.get(place.readers);
				if (!group) {
					group = { latencies: [], clients: 0, perMeeting: [] };
					groups.set(place.readers, group);
				}
				group.clients += 1;
				group.perMeeting[meeting] = (group.perMeeting[meeting] ?? 0) + 1;
				groupOf.set(client, group);
			}
			return client;
		});
	});
	const everyone = meetings.flat();
	await Promise.all(everyone.map((client) => client.synced));
	// The typist's own copy hears nothing; every reader belongs to a group.
	const unheard: number[] = [];
	const typing = await Promise.all(
		meetings.map((clients) =>
			typeInMeeting(
				clients,
				1,
				scenario.intervalMs,
				(client) => groupOf.get(client)?.latencies ?? unheard
			)
		)
	);
	for (const server of servers) await server.lag();
	const cpuBefore = servers.map((server) => server.cpuSeconds());
	const started = performance.now();
	await pause(scenario.seconds * 1000);
	for (const meeting of typing) meeting.stop();
	const elapsed = (performance.now() - started) / 1000;
	const cpuPercent = servers.map((server, index) =>
		Math.round(((server.cpuSeconds() - (cpuBefore[index] ?? 0)) / elapsed) * 100)
	);
	const lagP99: number[] = [];
	for (const server of servers) lagP99.push((await server.lag()).lagP99);
	// Keystrokes per meeting: each was expected at every other client of it.
	const keystrokes = typing.map((meeting) => meeting.expected() / (scenario.clientsPerMeeting - 1));
	const expectedOf = (group: Group) =>
		group.perMeeting.reduce(
			(sum, readers, meeting) => sum + readers * (keystrokes[meeting] ?? 0),
			0
		);
	const deadline = performance.now() + 3000;
	while (
		[...groups.values()].some((group) => group.latencies.length < expectedOf(group)) &&
		performance.now() < deadline
	) {
		await pause(50);
	}
	for (const client of everyone) client.close();
	return [...groups.entries()].map(([readers, group]) => ({
		readers,
		clients: group.clients,
		latencies: group.latencies,
		expected: expectedOf(group),
		cpuPercent,
		lagP99
	}));
}

/**
 * A group's rounds as one row: latencies pooled, each instance's CPU the mean of the
 * rounds', its event-loop lag p99 the highest.
 */
function pooled(
	kind: ClusterKind,
	instances: 1 | 2,
	scenario: Scenario,
	rounds: Measured[]
): GroupResult {
	const [first] = rounds;
	if (!first) throw new Error('no rounds to pool');
	const latencies = rounds.flatMap((round) => round.latencies);
	const perInstance = (
		pick: (round: Measured) => number[],
		combine: (values: number[]) => number
	) =>
		first.cpuPercent.map((_, index) => combine(rounds.map((round) => pick(round)[index] ?? NaN)));
	const mean = (values: number[]) =>
		Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
	return {
		scenario: scenario.name,
		server: kind,
		instances,
		readers: first.readers,
		clients: first.clients,
		...summarise(latencies),
		delivered: latencies.length,
		expected: rounds.reduce((sum, round) => sum + round.expected, 0),
		cpuPercent: perInstance((round) => round.cpuPercent, mean),
		lagP99: perInstance(
			(round) => round.lagP99,
			(values) => Math.max(...values)
		)
	};
}

const why = await whyNotMeasurable(databaseUrl, redisUrl);
if (why || !databaseUrl || !redisUrl) {
	console.log(`Skipped: ${why ?? 'no database or Redis'}`);
	process.exit(0);
}
// Coplan's bench server makes its database under TEST_DATABASE_URL (benchServers/coplan.ts).
process.env.TEST_DATABASE_URL = databaseUrl;

const meetingsNeeded = ROUNDS * SCENARIOS.reduce((sum, scenario) => sum + scenario.meetings, 0);
const SETUPS = (
	[
		{ kind: 'coplan', count: 1 },
		{ kind: 'coplan', count: 2 },
		{ kind: 'hocuspocus', count: 1 },
		{ kind: 'hocuspocus', count: 2 }
	] as const
).filter(({ kind, count }) => onlySetups === undefined || onlySetups.includes(`${kind}-${count}`));
console.log(
	`Load average ${loadAverage} on ${cpus().length} cores as the run begins: figures from a shared machine vary.`
);
// Every setup runs from the start, idle but for its turns: taking turns, round after
// round, spreads whatever else the machine is doing over all of them alike.
const running: { kind: ClusterKind; servers: BenchServer[]; names: DocumentNames }[] = [];
const measured = new Map<string, Measured[]>();
try {
	for (const { kind, count } of SETUPS) {
		const servers = await startInstances(kind, count, meetingsNeeded, redisUrl);
		const [first] = servers;
		if (!first) throw new Error(`${kind} did not start`);
		running.push({ kind, servers, names: new DocumentNames(first) });
		console.log(`${kind}, ${count} instance${count === 1 ? '' : 's'}: started`);
	}
	for (let round = 0; round < ROUNDS; round += 1) {
		for (const scenario of SCENARIOS) {
			for (let turn = 0; turn < running.length; turn += 1) {
				const setup = running[(round + turn) % running.length];
				if (!setup) continue;
				for (const group of await runScenario(setup.servers, setup.names, scenario)) {
					const key = `${scenario.name}\n${setup.kind}\n${setup.servers.length}\n${group.readers}`;
					measured.set(key, [...(measured.get(key) ?? []), group]);
					const { p50, p99 } = summarise(group.latencies);
					console.log(
						`  round ${round + 1}, ${scenario.name}, ${setup.kind} × ${setup.servers.length}, readers ${group.readers}: p50 ${p50} ms, p99 ${p99}`
					);
				}
			}
		}
	}
} finally {
	for (const setup of running) await stopInstances(setup.servers);
}
const results: GroupResult[] = [];
for (const scenario of SCENARIOS) {
	for (const { kind, count } of SETUPS) {
		for (const readers of ['all', 'typist’s server', 'other server'] as const) {
			const rounds = measured.get(`${scenario.name}\n${kind}\n${count}\n${readers}`);
			if (rounds) results.push(pooled(kind, count, scenario, rounds));
		}
	}
}
const hop = summarise(await redisHopLatencies(redisUrl, quick ? 200 : 1000, 5));

const report: TwoInstancesReport = {
	commit: execSync('git rev-parse --short HEAD').toString().trim(),
	date: new Date().toISOString(),
	node: process.version,
	cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
	loadAverage,
	quick,
	rounds: ROUNDS,
	redisHop: hop,
	results
};
const markdown = renderTwoInstances(report);
console.log(`\n${markdown}`);
const coplan = p50Differences(report).filter((entry) => entry.server === 'coplan');
console.log(
	`Target (two instances add at most ${TARGET_MS} ms to p50): ${targetMet(report) ? 'met' : 'not met'} (${coplan
		.map((entry) => `${entry.readers} ${entry.added >= 0 ? '+' : ''}${entry.added} ms`)
		.join(', ')})`
);
// A partial run is for looking into one thing; it leaves the recorded results alone.
if (!partial) {
	mkdirSync('bench/results', { recursive: true });
	writeFileSync(
		`bench/results/twoInstances${quick ? '-quick' : ''}.json`,
		`${JSON.stringify({ ...report, differences: p50Differences(report), targetMet: targetMet(report) }, null, 2)}\n`
	);
	if (!quick) writeReadmeSection('twoInstances', markdown);
}
process.exit(0);
