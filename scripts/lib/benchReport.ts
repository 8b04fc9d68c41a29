/** The live-editing benchmark's results as a Markdown table (bench/README.md). */

export interface LatencySummary {
	p50: number;
	p90: number;
	p99: number;
	max: number;
}

export interface ScenarioResult extends LatencySummary {
	scenario: string;
	server: string;
	delivered: number;
	expected: number;
	cpuPercent: number;
	rssMb: number;
	/** The server's JavaScript heap in use at the end of the scenario. */
	heapMb: number;
	lagP99: number;
	lagMax: number;
}

export interface SoakResult {
	seconds: number;
	meetings: number;
	beforeMb: number;
	peakMb: number;
	/** The last sample while typing went on. */
	lastMb: number;
	/** After every client had gone and the documents were let go (if they were). */
	afterMb: number;
	unloaded: boolean;
	heapBeforeMb: number;
	heapEndMb: number;
	heapAfterMb: number;
	p99: number;
}

export interface OpeningFigures {
	newMs: number;
	warmMs: number;
	coldMs: number | null;
	connectingMs: number;
	idleRssMb: number;
}

export interface BenchReport {
	commit: string;
	date: string;
	node: string;
	cpu: string;
	quick: boolean;
	database: string;
	connecting: number;
	results: ScenarioResult[];
	opening: Record<string, OpeningFigures>;
	soaks: Record<string, SoakResult>;
}

const BASELINES = ['hocuspocus', 'y-websocket'];

/** "1.8 (2.1×)": Coplan's figure and its ratio to the better of the two baselines. */
function withRatio(value: number | null, baselines: (number | null)[], server: string): string {
	if (value === null || !Number.isFinite(value)) return '–';
	const known = baselines.filter(
		(figure): figure is number => figure !== null && Number.isFinite(figure)
	);
	const best = Math.min(...known);
	if (server !== 'coplan' || !Number.isFinite(best) || best <= 0) return String(value);
	return `${value} (${(value / best).toFixed(1)}×)`;
}

function scenarioTables(report: BenchReport): string[] {
	const lines: string[] = [];
	const scenarios = [...new Set(report.results.map((result) => result.scenario))];
	for (const scenario of scenarios) {
		const rows = report.results.filter((result) => result.scenario === scenario);
		const baseline = (pick: (result: ScenarioResult) => number) =>
			rows.filter((row) => BASELINES.includes(row.server)).map(pick);
		lines.push(`## ${scenario}`, '');
		lines.push(
			'| server | p50 | p90 | p99 | max | delivered | CPU % | RSS MB | heap MB | lag p99 | lag max |'
		);
		lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
		for (const row of rows) {
			const cell = (pick: (result: ScenarioResult) => number) =>
				withRatio(pick(row), baseline(pick), row.server);
			lines.push(
				`| ${row.server} | ${cell((r) => r.p50)} | ${cell((r) => r.p90)} | ${cell((r) => r.p99)} | ${cell((r) => r.max)} | ${row.delivered}/${row.expected} | ${cell((r) => r.cpuPercent)} | ${cell((r) => r.rssMb)} | ${cell((r) => r.heapMb)} | ${cell((r) => r.lagP99)} | ${cell((r) => r.lagMax)} |`
			);
		}
		lines.push('');
	}
	return lines;
}

function openingTable(report: BenchReport): string[] {
	const entries = Object.entries(report.opening);
	if (entries.length === 0) return [];
	const lines = ['## Opening documents', ''];
	lines.push(
		'Medians of several opens: a new document, a warm one (already in memory) and a cold one (written earlier, no longer in memory: Coplan reads it from the database; the baselines keep nothing, so theirs opens empty).',
		''
	);
	lines.push(
		`| server | new, ms | warm, ms | cold, ms | ${report.connecting} clients connecting, ms | idle RSS MB |`
	);
	lines.push('|---|---|---|---|---|---|');
	const baselines = BASELINES.map((name) => report.opening[name]).filter(
		(entry): entry is OpeningFigures => entry !== undefined
	);
	for (const [server, opening] of entries) {
		const cell = (pick: (entry: OpeningFigures) => number | null) =>
			withRatio(pick(opening), baselines.map(pick), server);
		lines.push(
			`| ${server} | ${cell((o) => o.newMs)} | ${cell((o) => o.warmMs)} | ${cell((o) => o.coldMs)} | ${cell((o) => o.connectingMs)} | ${cell((o) => o.idleRssMb)} |`
		);
	}
	lines.push('');
	return lines;
}

function soakTable(report: BenchReport): string[] {
	const entries = Object.entries(report.soaks);
	const first = entries[0]?.[1];
	if (!first) return [];
	const lines = [
		`## Memory over a soak: ${first.meetings} meetings typing for ${first.seconds} s`,
		''
	];
	lines.push(
		'RSS is the whole process. Coplan is measured through Vite’s module runner, as its tests run it: idle, that process holds about 450 MB, where the built server (`npm start`) holds about 110 MB. The JavaScript heap in use is the fairer comparison.',
		''
	);
	lines.push(
		'| server | RSS before MB | RSS peak MB | RSS last MB | RSS after all left MB | heap before MB | heap at end MB | heap kept after all left (full GC) MB | p99 ms |'
	);
	lines.push('|---|---|---|---|---|---|---|---|---|');
	for (const [server, soak] of entries) {
		const after = `${soak.afterMb}${soak.unloaded ? '' : ' (documents still loaded)'}`;
		lines.push(
			`| ${server} | ${soak.beforeMb} | ${soak.peakMb} | ${soak.lastMb} | ${after} | ${soak.heapBeforeMb} | ${soak.heapEndMb} | ${soak.heapAfterMb} | ${soak.p99} |`
		);
	}
	lines.push('');
	return lines;
}

export function renderBenchTable(report: BenchReport): string {
	return [
		'# Live-editing benchmark',
		'',
		`\`npm run bench liveEditing\` at ${report.commit}, ${report.date.slice(0, 10)}; Node ${report.node}, ${report.cpu}; Coplan on ${report.database}.`,
		"Latency is a keystroke from the typist's change to its arrival at every other client, in ms. Coplan's figures carry their ratio to the better baseline (bare Hocuspocus or the y-websocket server) in the same run. CPU is the server process's, as a share of one core; lag is its event-loop delay. The echo floor is the same keystrokes through a plain websocket relay: no Yjs, no hooks, no storage.",
		'',
		...scenarioTables(report),
		...openingTable(report),
		...soakTable(report),
		'The built server’s idle memory on PostgreSQL and on the embedded database: `npm run bench idleMemory`. The update log’s storage: `npm run bench updateLogStorage`. Each target of the council-scale issue, whether it is met, and the profile behind each gap: [TARGETS.md](TARGETS.md).',
		''
	].join('\n');
}
