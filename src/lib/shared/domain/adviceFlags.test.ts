import { describe, expect, it } from 'vitest';
import { adviceFlags, monthsBefore, needsAttention } from './adviceFlags.ts';

describe('monthsBefore', () => {
	it.each([
		['2026-11-23', 12, '2025-11-23'],
		['2026-03-31', 1, '2026-02-28'],
		['2024-03-31', 1, '2024-02-29'],
		['2025-02-28', 12, '2024-02-28'],
		['2024-02-29', 12, '2023-02-28'],
		['2026-01-15', 13, '2024-12-15']
	])('%s less %i months is %s', (date, months, expected) => {
		expect(monthsBefore(date, months)).toBe(expected);
	});
});

describe('adviceFlags', () => {
	const today = '2026-11-23';
	it.each([
		['given today, no review date', { adviceDate: today, reviewBy: null }, false, false],
		['exactly 12 months old', { adviceDate: '2025-11-23', reviewBy: null }, false, false],
		['12 months and a day old', { adviceDate: '2025-11-22', reviewBy: null }, true, false],
		['review by today', { adviceDate: '2026-05-01', reviewBy: today }, false, false],
		['review by yesterday', { adviceDate: '2026-05-01', reviewBy: '2026-11-22' }, false, true],
		['old and overdue', { adviceDate: '2024-09-01', reviewBy: '2025-09-01' }, true, true]
	])('%s', (_case, advice, stale, reviewDue) => {
		expect(adviceFlags(advice, today)).toEqual({ stale, reviewDue });
	});
});

describe('needsAttention', () => {
	it.each([
		[{ stale: false, reviewDue: false }, false],
		[{ stale: true, reviewDue: false }, true],
		[{ stale: false, reviewDue: true }, true],
		[{ stale: true, reviewDue: true }, true]
	])('%o: %s', (flags, expected) => {
		expect(needsAttention(flags)).toBe(expected);
	});
});
