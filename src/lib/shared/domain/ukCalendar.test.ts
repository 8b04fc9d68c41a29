import { describe, expect, it } from 'vitest';
import {
	birthday,
	daysBetween,
	formatUkDate,
	formatUkDateTime,
	isCalendarDate,
	previousWeekday,
	shiftDate,
	ukDateOf,
	ukInstant,
	ukTimeOf
} from './ukCalendar.ts';

describe('ukDateOf and ukTimeOf', () => {
	it.each([
		// GMT: UTC and UK agree.
		['2026-01-15T23:30:00Z', '2026-01-15', '23:30'],
		// BST: 23:30 UTC is already the next day in the UK.
		['2026-07-04T23:30:00Z', '2026-07-05', '00:30'],
		// 00:30 on the last Sunday of March is still GMT (clocks go forward at 01:00).
		['2026-03-29T00:30:00Z', '2026-03-29', '00:30'],
		// 00:30 on the last Sunday of October is still BST (clocks go back at 02:00).
		['2026-10-24T23:30:00Z', '2026-10-25', '00:30']
	])('%s is %s at %s in the UK', (instant, date, time) => {
		expect(ukDateOf(new Date(instant))).toBe(date);
		expect(ukTimeOf(new Date(instant))).toBe(time);
	});
});

describe('ukInstant', () => {
	it.each([
		['2026-01-15', '10:00', '2026-01-15T10:00:00.000Z'],
		['2026-07-15', '10:00', '2026-07-15T09:00:00.000Z'],
		['2026-03-29', '00:30', '2026-03-29T00:30:00.000Z'],
		['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
		['2026-10-25', '00:30', '2026-10-24T23:30:00.000Z'],
		// The repeated hour when the clocks go back: the later (GMT) one.
		['2026-10-25', '01:30', '2026-10-25T01:30:00.000Z']
	])('%s %s UK time is %s', (date, time, expected) => {
		expect(ukInstant(date, time)?.toISOString()).toBe(expected);
	});

	it.each([
		['2026-03-29', '01:30', 'skipped when the clocks go forward'],
		['2026-02-30', '10:00', 'no such day'],
		['2026-01-15', '24:00', 'no such hour'],
		['2026-01-15', '10:60', 'no such minute'],
		['2026-01-15', '1000', 'not HH:mm']
	])('%s %s does not exist (%s)', (date, time) => {
		expect(ukInstant(date, time)).toBeNull();
	});
});

describe('calendar arithmetic', () => {
	it.each([
		['2026-03-12', { days: -14 }, '2026-02-26'],
		['2028-03-14', { days: -14 }, '2028-02-29'],
		['2028-02-29', { months: 12 }, '2029-02-28'],
		['2027-02-28', { months: 12 }, '2028-02-28'],
		['2026-01-31', { months: 1 }, '2026-02-28'],
		['2026-03-20', { weeks: 2 }, '2026-04-03'],
		// Across the clock change: still whole days.
		['2026-03-22', { days: 14 }, '2026-04-05'],
		['2026-10-18', { days: 14 }, '2026-11-01']
	])('%s shifted by %o is %s', (date, shift, expected) => {
		expect(shiftDate(date, shift)).toBe(expected);
	});

	it('counts whole days across a clock change and a leap day', () => {
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
		expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
		expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
	});

	it('moves weekend days back to the Friday', () => {
		expect(previousWeekday('2025-02-15')).toBe('2025-02-14');
		expect(previousWeekday('2026-02-15')).toBe('2026-02-13');
		expect(previousWeekday('2026-02-16')).toBe('2026-02-16');
	});

	it('knows which dates exist', () => {
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2027-02-29')).toBe(false);
		expect(isCalendarDate('2027-13-01')).toBe(false);
		expect(isCalendarDate('27-01-01')).toBe(false);
	});

	it('gives a leap-day child their birthday on 1 March in other years', () => {
		expect(birthday('2020-02-29', 5)).toBe('2025-03-01');
		expect(birthday('2020-02-29', 4)).toBe('2024-02-29');
		expect(birthday('2021-06-30', 5)).toBe('2026-06-30');
	});
});

describe('formatting', () => {
	it('writes dates and times as people in the UK read them', () => {
		expect(formatUkDate('2025-02-15')).toBe('Saturday 15 February 2025');
		expect(formatUkDateTime(new Date('2026-07-15T09:00:00Z'))).toBe(
			'Wednesday 15 July 2026 at 10:00'
		);
	});
});
