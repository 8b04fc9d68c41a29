import { describe, expect, it } from 'vitest';
import { renderBenchTable, type BenchReport, type ScenarioResult } from './benchReport.ts';

function result(server: string, p50: number): ScenarioResult {
	return {
		scenario: 'one meeting',
		server,
		p50,
		p90: p50,
		p99: p50,
		max: p50,
		delivered: 10,
		expected: 10,
		cpuPercent: server === 'echo floor' ? NaN : 10,
		rssMb: 100,
		heapMb: 50,
		lagP99: 5,
		lagMax: 6
	};
}

const report: BenchReport = {
	commit: 'abc1234',
	date: '2026-12-04T08:00:00.000Z',
	node: 'v24',
	cpu: '2 × test',
	quick: true,
	database: 'PGlite',
	connecting: 200,
	results: [
		result('coplan', 3),
		result('hocuspocus', 2),
		result('y-websocket', 1.5),
		result('echo floor', 0.5)
	],
	opening: {
		coplan: { newMs: 20, warmMs: 5, coldMs: 9, connectingMs: 500, idleRssMb: 400 },
		'y-websocket': { newMs: 2, warmMs: 1, coldMs: null, connectingMs: 200, idleRssMb: 90 }
	},
	soaks: {
		coplan: {
			seconds: 10,
			meetings: 50,
			beforeMb: 400,
			peakMb: 420,
			lastMb: 410,
			afterMb: 405,
			unloaded: true,
			heapBeforeMb: 100,
			heapEndMb: 150,
			heapAfterMb: 120,
			p99: 9
		}
	}
};

describe('the live-editing report', () => {
	const table = renderBenchTable(report);

	it('gives Coplan’s figures with their ratio to the faster baseline', () => {
		expect(table).toContain('| coplan | 3 (2.0×) |');
		expect(table).toContain('| hocuspocus | 2 |');
	});

	it('shows figures a server did not measure as a dash, and leaves them out of ratios', () => {
		expect(table).toMatch(/\| echo floor \| 0\.5 \|.*\| – \|/);
		expect(table).toContain('| coplan | 20 (10.0×) | 5 (5.0×) | 9 | 500 (2.5×) | 400 (4.4×) |');
	});

	it('reports the soak', () => {
		expect(table).toContain('## Memory over a soak: 50 meetings typing for 10 s');
		expect(table).toContain('| coplan | 400 | 420 | 410 | 405 | 100 | 150 | 120 | 9 |');
	});
});
