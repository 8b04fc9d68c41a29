import { describe, expect, it } from 'vitest';
import {
	p50Differences,
	renderTwoInstances,
	targetMet,
	type GroupResult,
	type TwoInstancesReport
} from './benchTwoInstancesReport.ts';

function row(
	server: GroupResult['server'],
	readers: GroupResult['readers'],
	p50: number
): GroupResult {
	return {
		scenario: 'one meeting',
		server,
		instances: readers === 'all' ? 1 : 2,
		readers,
		clients: 4,
		p50,
		p90: p50,
		p95: p50,
		p99: p50,
		max: p50,
		delivered: 10,
		expected: 10,
		cpuPercent: readers === 'all' ? [10] : [8, 7],
		lagP99: readers === 'all' ? [5] : [5, 6]
	};
}

function report(otherServerP50: number): TwoInstancesReport {
	return {
		commit: 'abc1234',
		date: '2026-12-04T08:00:00.000Z',
		node: 'v24',
		cpu: '2 × test',
		loadAverage: 1.5,
		quick: false,
		rounds: 3,
		redisHop: { p50: 0.3, p90: 0.5, p95: 0.6, p99: 1, max: 2 },
		results: [
			row('coplan', 'all', 2),
			row('coplan', 'typist’s server', 2.5),
			row('coplan', 'other server', otherServerP50),
			row('hocuspocus', 'all', 1),
			row('hocuspocus', 'typist’s server', 1),
			row('hocuspocus', 'other server', 2)
		]
	};
}

describe('the two-instance report', () => {
	it('sets each two-instance p50 against the same server’s one instance', () => {
		expect(p50Differences(report(3.5))).toEqual([
			{
				scenario: 'one meeting',
				server: 'coplan',
				readers: 'typist’s server',
				one: 2,
				two: 2.5,
				added: 0.5
			},
			{
				scenario: 'one meeting',
				server: 'coplan',
				readers: 'other server',
				one: 2,
				two: 3.5,
				added: 1.5
			},
			{
				scenario: 'one meeting',
				server: 'hocuspocus',
				readers: 'typist’s server',
				one: 1,
				two: 1,
				added: 0
			},
			{
				scenario: 'one meeting',
				server: 'hocuspocus',
				readers: 'other server',
				one: 1,
				two: 2,
				added: 1
			}
		]);
	});

	it('meets the target only when Coplan’s every reader is within 2 ms', () => {
		expect(targetMet(report(4))).toBe(true);
		expect(targetMet(report(4.01))).toBe(false);
	});

	it('gives Coplan’s figures with their ratio to bare Hocuspocus in the same place', () => {
		const markdown = renderTwoInstances(report(4.5));
		expect(markdown).toContain(
			'| coplan | 2 | on the other server (4) | 4.5 (2.3×) | 4.5 (2.3×) | 4.5 (2.3×) | 4.5 (2.3×) | 10/10 | 8 / 7 | 5 / 6 |'
		);
		expect(markdown).toContain(
			'| hocuspocus | 1 | all, same server (4) | 1 | 1 | 1 | 1 | 10/10 | 10 | 5 |'
		);
		expect(markdown).toContain('| one meeting | coplan | 2 | 2.5 (+0.5) | 4.5 (+2.5) | not met |');
		expect(markdown).toContain('| one meeting | hocuspocus | 1 | 1 (+0) | 2 (+1) | baseline |');
		expect(markdown).toContain('One Redis pub/sub hop');
	});
});
