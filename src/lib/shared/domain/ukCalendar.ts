import { TZDate, tz } from '@date-fns/tz';
// One module each, not the 'date-fns' index: that loads all of date-fns (~2 s per test file).
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';

/**
 * Calendar dates and times as people in England read them. Meetings are stored as UTC
 * instants; deadlines are calendar dates in Europe/London. Arithmetic on calendar dates
 * is done on UTC midnights, which have no clock changes, so British Summer Time can
 * never move a deadline by a day. Pure: callers pass "now".
 */

export const UK_TIME_ZONE = 'Europe/London';

/** A calendar date, YYYY-MM-DD. */
export type CalendarDate = string;

const london = tz(UK_TIME_ZONE);
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

function utcMidnight(date: CalendarDate): TZDate {
	const match = CALENDAR_DATE.exec(date);
	if (!match) throw new RangeError(`Not a calendar date: "${date}"`);
	return new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 'UTC');
}

function toCalendarDate(date: Date): CalendarDate {
	return format(date, 'yyyy-MM-dd');
}

/** True for a YYYY-MM-DD string naming a day that exists (no 30 February). */
export function isCalendarDate(value: string): boolean {
	const match = CALENDAR_DATE.exec(value);
	if (!match) return false;
	return toCalendarDate(utcMidnight(value)) === value;
}

/** The date in the UK at an instant: 23:30 UTC on a summer Saturday is Sunday in London. */
export function ukDateOf(instant: Date): CalendarDate {
	return format(instant, 'yyyy-MM-dd', { in: london });
}

/** The UK wall-clock time at an instant, HH:mm (24-hour). */
export function ukTimeOf(instant: Date): string {
	return format(instant, 'HH:mm', { in: london });
}

/**
 * The instant of a UK date and wall-clock time, or null when that time does not exist
 * (the hour skipped when the clocks go forward). When the clocks go back an hour repeats;
 * the later, GMT, occurrence is taken.
 */
export function ukInstant(date: CalendarDate, time: string): Date | null {
	const day = CALENDAR_DATE.exec(date);
	const clock = TIME.exec(time);
	if (!day || !clock || !isCalendarDate(date)) return null;
	const hours = Number(clock[1]);
	const minutes = Number(clock[2]);
	if (hours > 23 || minutes > 59) return null;
	const wallClockAsUtc = Date.UTC(
		Number(day[1]),
		Number(day[2]) - 1,
		Number(day[3]),
		hours,
		minutes
	);
	// UK clocks run on GMT or on BST (GMT + 1 hour). Trying both, GMT first, finds the
	// instant without depending on the server's own time zone: none matches in the hour
	// skipped in March, both match in the hour repeated in October.
	for (const offsetMinutes of [0, 60]) {
		const instant = new Date(wallClockAsUtc - offsetMinutes * 60_000);
		if (ukDateOf(instant) === date && ukTimeOf(instant) === time) return instant;
	}
	return null;
}

export interface DateShift {
	days?: number;
	weeks?: number;
	/** Calendar months; the end of a shorter month is kept (31 January + 1 month = 28 February). */
	months?: number;
}

export function shiftDate(date: CalendarDate, shift: DateShift): CalendarDate {
	let result: Date = utcMidnight(date);
	if (shift.months) result = addMonths(result, shift.months);
	const days = (shift.weeks ?? 0) * 7 + (shift.days ?? 0);
	if (days) result = addDays(result, days);
	return toCalendarDate(result);
}

/**
 * The date someone born on `dateOfBirth` reaches `years` of age. In England a child born
 * on 29 February reaches an age on 1 March in years that have no 29 February.
 */
export function birthday(dateOfBirth: CalendarDate, years: number): CalendarDate {
	const [year = 0, month = 1, day = 1] = dateOfBirth.split('-').map(Number);
	const candidate = `${String(year + years).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return isCalendarDate(candidate)
		? candidate
		: shiftDate(`${candidate.slice(0, 8)}01`, { months: 1 });
}

/** Whole days from one date to another: positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
	return differenceInCalendarDays(utcMidnight(to), utcMidnight(from));
}

/** 0 for Sunday to 6 for Saturday. */
export function dayOfWeek(date: CalendarDate): number {
	return utcMidnight(date).getDay();
}

export function isWeekend(date: CalendarDate): boolean {
	const day = dayOfWeek(date);
	return day === 0 || day === 6;
}

/** The Friday before a weekend day; any weekday is returned unchanged. */
export function previousWeekday(date: CalendarDate): CalendarDate {
	const day = dayOfWeek(date);
	if (day === 6) return shiftDate(date, { days: -1 });
	if (day === 0) return shiftDate(date, { days: -2 });
	return date;
}

/** "Saturday 15 February 2025" */
export function formatUkDate(date: CalendarDate): string {
	return format(utcMidnight(date), 'EEEE d MMMM yyyy');
}

/** "15 February 2025" */
export function formatUkShortDate(date: CalendarDate): string {
	return format(utcMidnight(date), 'd MMMM yyyy');
}

export function weekdayName(date: CalendarDate): string {
	return format(utcMidnight(date), 'EEEE');
}

/** "Thursday 12 March 2026 at 10:00" in UK time. */
export function formatUkDateTime(instant: Date): string {
	return `${formatUkDate(ukDateOf(instant))} at ${ukTimeOf(instant)}`;
}

/** Parts of a UK date, for filling the day, month and year boxes of a date input. */
export function ukDateParts(date: CalendarDate): { day: string; month: string; year: string } {
	const [year = '', month = '', day = ''] = date.split('-');
	return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The months' names, January first: month m (1 to 12) is MONTH_NAMES[m - 1]. */
export const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
] as const;
