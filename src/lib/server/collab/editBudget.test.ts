import { describe, expect, it } from 'vitest';
import { EditBudget } from './editBudget.ts';

describe('edit budget', () => {
	const limits = { burstBytes: 1000, refillBytesPerSecond: 100 };

	it('lets a burst through, then refuses until the bucket refills', () => {
		let now = 0;
		const budget = new EditBudget(limits, () => now);
		expect(budget.spend('doc/alice', 600)).toBe(true);
		expect(budget.spend('doc/alice', 600)).toBe(false);
		expect(budget.spend('doc/alice', 400)).toBe(true);
		expect(budget.spend('doc/alice', 1)).toBe(false);
		now = 3000; // 300 bytes back
		expect(budget.spend('doc/alice', 300)).toBe(true);
		expect(budget.spend('doc/alice', 1)).toBe(false);
	});

	it('counts each person and document apart, and never holds more than the burst', () => {
		let now = 0;
		const budget = new EditBudget(limits, () => now);
		expect(budget.spend('doc/alice', 1000)).toBe(true);
		expect(budget.spend('doc/bob', 1000)).toBe(true);
		expect(budget.spend('other/alice', 1000)).toBe(true);
		now = 3_600_000;
		expect(budget.spend('doc/alice', 1001)).toBe(false);
		expect(budget.spend('doc/alice', 1000)).toBe(true);
	});

	it('forgets a document’s buckets', () => {
		const budget = new EditBudget(limits, () => 0);
		expect(budget.spend('doc/alice', 1000)).toBe(true);
		budget.forget('doc/');
		expect(budget.spend('doc/alice', 1000)).toBe(true);
	});
});
