/** The two-instance benchmark's results as Markdown (a section of bench/README.md). */
import type { ClusterKind } from './benchCluster.ts';
import type { LatencySummary } from './benchReport.ts';

/** Which of a meeting's readers a row counts. */
export type Readers = 'all' | 'typist’s server' | 'other server';

export interface GroupResult extends LatencySummary {
	p95: number;
	scenario: string;
	server: ClusterKind;
	instances: 1 | 2;
	readers: Readers;
	/** How many clients the row counts, across the scenario's meetings. */
	clients: number;
	delivered: number;
	expected: number;
	/** Each instance's CPU over the scenario, in % of one core (A, then B). */
	cpuPercent: number[];
	/** Each instance's event-loop delay p99 over the scenario, in ms. */
	lagP99: number[];
}

export interface TwoInstancesReport {
	commit: string;
	date: string;
	node: string;
	cpu: string;
	/** The machine's one-minute load average as the run began. */
	loadAverage: number;
	quick: boolean;
	/** Each setup's turns at each scenario, pooled into its figures. */
	rounds: number;
	/** One Redis pub/sub hop, publish to delivery, measured in the same run. */
	redisHop: LatencySummary & { p95: number };
	results: GroupResult[];
}

/** At most this much added to p50 by a second instance (issue 13). */
export const TARGET_MS = 2;

export interface Difference {
	scenario: string;
	server: ClusterKind;
	readers: Exclude<Readers, 'all'>;
	one: number;
	two: number;
	/** Two instances' p50 minus one instance's, in ms. */
	added: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Each two-instance row's p50 against the same server's one-instance p50. */
export function p50Differences(report: TwoInstancesReport): Difference[] {
	const differences: Difference[] = [];
	for (const row of report.results) {
		if (row.readers === 'all') continue;
		const one = report.results.find(
			(other) =>
				other.scenario === row.scenario && other.server === row.server && other.instances === 1
		);
		if (!one) continue;
		differences.push({
			scenario: row.scenario,
			server: row.server,
			readers: row.readers,
			one: one.p50,
			two: row.p50,
			added: round(row.p50 - one.p50)
		});
	}
	return differences;
}

/** Whether Coplan's second instance kept within the target for every reader it had. */
export function targetMet(report: TwoInstancesReport): boolean {
	const coplan = p50Differences(report).filter((entry) => entry.server === 'coplan');
	return coplan.length > 0 && coplan.every((entry) => entry.added <= TARGET_MS);
}

type Pick = (result: GroupResult) => number;
const LATENCIES: Pick[] = [(r) => r.p50, (r) => r.p95, (r) => r.p99, (r) => r.max];

/** "1.8 (1.2×)": Coplan's figure and its ratio to bare Hocuspocus's in the same place. */
function withRatio(row: GroupResult, baseline: GroupResult | undefined, pick: Pick): string {
	const value = pick(row);
	if (!Number.isFinite(value)) return '–';
	const base = baseline ? pick(baseline) : NaN;
	if (row.server !== 'coplan' || !Number.isFinite(base) || base <= 0) return String(value);
	return `${value} (${(value / base).toFixed(1)}×)`;
}

function readersLabel(row: GroupResult): string {
	const who =
		row.readers === 'all'
			? 'all, same server'
			: row.readers === 'typist’s server'
				? 'on the typist’s server'
				: 'on the other server';
	return `${who} (${row.clients})`;
}

function scenarioTables(report: TwoInstancesReport): string[] {
	const lines: string[] = [];
	const scenarios = [...new Set(report.results.map((result) => result.scenario))];
	for (const scenario of scenarios) {
		const rows = report.results.filter((result) => result.scenario === scenario);
		lines.push(`### ${scenario}`, '');
		lines.push(
			'| server | instances | readers | p50 | p95 | p99 | max | delivered | CPU % (A / B) | lag p99 ms (A / B) |'
		);
		lines.push('|---|---|---|---|---|---|---|---|---|---|');
		for (const row of rows) {
			const baseline = rows.find(
				(other) =>
					other.server === 'hocuspocus' &&
					other.instances === row.instances &&
					other.readers === row.readers
			);
			const cells = LATENCIES.map((pick) => withRatio(row, baseline, pick));
			lines.push(
				`| ${row.server} | ${row.instances} | ${readersLabel(row)} | ${cells.join(' | ')} | ${row.delivered}/${row.expected} | ${row.cpuPercent.join(' / ')} | ${row.lagP99.join(' / ')} |`
			);
		}
		lines.push('');
	}
	return lines;
}

function differenceTable(report: TwoInstancesReport): string[] {
	const differences = p50Differences(report);
	const lines = [
		`### Two instances minus one, p50 (target: at most ${TARGET_MS} ms more)`,
		'',
		'| scenario | server | one instance | two: readers on the typist’s server | two: readers on the other server | |',
		'|---|---|---|---|---|---|'
	];
	const keys = [...new Set(differences.map((entry) => `${entry.scenario}\n${entry.server}`))];
	for (const key of keys) {
		const [scenario, server] = key.split('\n');
		const entries = differences.filter(
			(entry) => entry.scenario === scenario && entry.server === server
		);
		const cell = (readers: Difference['readers']) => {
			const entry = entries.find((candidate) => candidate.readers === readers);
			if (!entry) return '–';
			const sign = entry.added >= 0 ? '+' : '−';
			return `${entry.two} (${sign}${Math.abs(entry.added)})`;
		};
		const verdict =
			server !== 'coplan'
				? 'baseline'
				: entries.every((entry) => entry.added <= TARGET_MS)
					? 'met'
					: 'not met';
		lines.push(
			`| ${scenario} | ${server} | ${entries[0]?.one ?? '–'} | ${cell('typist’s server')} | ${cell('other server')} | ${verdict} |`
		);
	}
	lines.push('');
	return lines;
}

export function renderTwoInstances(report: TwoInstancesReport): string {
	const hop = report.redisHop;
	return [
		'## Two instances on one PostgreSQL and one Redis',
		'',
		`\`npm run bench twoInstances\` at ${report.commit}, ${report.date.slice(0, 10)}; Node ${report.node}, ${report.cpu}${report.quick ? '; quick run' : ''}. The machine was shared and noisy: its load average was ${report.loadAverage} as the run began, on ${report.cpu.split(' ')[0]} cores that also ran PostgreSQL, Redis, every measuring client and other people’s work, so figures vary between runs.`,
		'',
		`Latency is a keystroke from the typist’s change to its arrival at another client of the same meeting, in ms. One instance: every client on one server, Redis off. Two instances: servers A and B in their own processes on one PostgreSQL database and one Redis; each meeting’s typist and about half its readers on one of them (A for a single meeting; many meetings alternate between A and B), the other readers on the other. Every setup ran throughout, idle but for its turns; they took turns at each scenario, ${report.rounds} round${report.rounds === 1 ? '' : 's'} (pooled), so that the machine’s other work weighed on them alike. Coplan’s figures carry their ratio to bare Hocuspocus in the same place, measured in the same run (for two instances, with Hocuspocus’s own Redis extension).`,
		'',
		...scenarioTables(report),
		...differenceTable(report),
		`One Redis pub/sub hop (a publish timed to its delivery to a subscriber), in the same run: p50 ${hop.p50}, p95 ${hop.p95}, p99 ${hop.p99} ms. A change crosses Redis three times on its way to another instance (see [TARGETS.md](TARGETS.md)).`,
		''
	].join('\n');
}
