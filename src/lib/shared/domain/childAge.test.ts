import { describe, expect, it } from 'vitest';
import { ageOn, describeAge } from './childAge.ts';

describe('ageOn', () => {
	it.each([
		['2020-03-14', '2026-03-13', { years: 5, months: 11 }],
		['2020-03-14', '2026-03-14', { years: 6, months: 0 }],
		// Born on 29 February: a year older on 1 March in other years.
		['2020-02-29', '2021-02-28', { years: 0, months: 11 }],
		['2020-02-29', '2021-03-01', { years: 1, months: 0 }],
		['2026-11-23', '2026-11-23', { years: 0, months: 0 }]
	])('born %s, on %s', (born, today, expected) => {
		expect(ageOn(born, today)).toEqual(expected);
	});
});

describe('describeAge', () => {
	it.each([
		['2024-05-23', '2026-11-23', '2 years and 6 months old'],
		['2025-12-01', '2026-11-23', '11 months old'],
		['2025-11-23', '2026-11-23', '1 year old'],
		['2019-01-22', '2026-11-23', '7 years old'],
		['2021-10-23', '2026-11-23', '5 years old']
	])('born %s, on %s: %s', (born, today, expected) => {
		expect(describeAge(born, today)).toBe(expected);
	});
});
