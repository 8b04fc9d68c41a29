import { describe, expect, it } from 'vitest';
import { breakLongRuns } from './longWords.ts';

describe('breakLongRuns', () => {
	it('leaves ordinary text, long addresses and 200-character runs alone', () => {
		const address = `https://example.org/${'a'.repeat(150)}`;
		for (const text of ['Aaron likes trains.', address, 'x'.repeat(200), '']) {
			expect(breakLongRuns(text)).toBe(text);
		}
	});

	it('gives a longer run a space every 100 characters, keeping every character', () => {
		const run = 'z'.repeat(250);
		const broken = breakLongRuns(`Before ${run} after`);
		expect(broken).toBe(`Before ${'z'.repeat(100)} ${'z'.repeat(100)} ${'z'.repeat(50)} after`);
		expect(broken.replaceAll(' ', '')).toBe(`Before${run}after`);
	});

	it('handles a megabyte without a space in linear time', () => {
		const broken = breakLongRuns('q'.repeat(1_000_000));
		expect(broken.split(' ')).toHaveLength(10_000);
	});
});
