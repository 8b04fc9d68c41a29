import { describe, expect, it } from 'vitest';
import {
	calendarUid,
	writeCalendar,
	type AllDayCalendarEvent,
	type CalendarFile,
	type TimedCalendarEvent
} from './calendar.ts';
import { parseCalendar } from './testing/readCalendar.ts';

const now = new Date('2027-03-15T09:30:00Z');

const timed: TimedCalendarEvent = {
	uid: calendarUid('meeting', 'm1'),
	startsAt: new Date('2027-03-12T10:00:00.000Z'),
	endsAt: new Date('2027-03-12T11:30:00.000Z'),
	summary: 'Aaron: annual review',
	description: 'Details',
	url: 'https://coplan.example/meetings/m1',
	busy: true
};

const dueDate = (date: string): AllDayCalendarEvent => ({
	uid: calendarUid('action', 'a1'),
	date,
	summary: 'Aaron: action due',
	description: 'Teach the class five signs',
	url: 'https://coplan.example/meetings/m1/minutes',
	busy: false
});

const write = (events: CalendarFile['events'], extra: Partial<CalendarFile> = {}) =>
	writeCalendar({ product: 'Tests', method: 'PUBLISH', now, events, ...extra });

const summaryOf = (summary: string) =>
	parseCalendar(write([{ ...timed, summary }])).get('SUMMARY')?.value;

describe('escaping of event text', () => {
	it.each([
		['a,b', 'a\\,b'],
		['a;b', 'a\\;b'],
		['a\\b', 'a\\\\b'],
		['a\nb', 'a\\nb'],
		['a\r\nb', 'a\\nb'],
		['plain', 'plain']
	])('%j becomes %j', (input, expected) => {
		expect(summaryOf(input)).toBe(expected);
	});
});

describe('calendar-level text, which ical-generator writes unescaped', () => {
	it('is escaped, so a name or description cannot add properties or events', () => {
		const content = write([], {
			name: 'Actions for Aaron\nBEGIN:VEVENT',
			description: 'Exported by Shah, Priya; today\r\nMETHOD:CANCEL'
		});
		const calendar = parseCalendar(content);
		expect(calendar.all('BEGIN')).toEqual([{ name: 'BEGIN', params: {}, value: 'VCALENDAR' }]);
		expect(calendar.all('METHOD').map((p) => p.value)).toEqual(['PUBLISH']);
		expect(calendar.text('X-WR-CALNAME')).toBe('Actions for Aaron\nBEGIN:VEVENT');
		expect(calendar.get('X-WR-CALDESC')?.value).toBe(
			'Exported by Shah\\, Priya\\; today\\nMETHOD:CANCEL'
		);
	});
});

describe('line folding', () => {
	/** The SUMMARY line as written: its first piece and the continuation pieces after it. */
	const foldedSummary = (summary: string) => {
		const lines = write([{ ...timed, summary }]).split('\r\n');
		const first = lines.findIndex((line) => line.startsWith('SUMMARY:'));
		const rest = lines.slice(first + 1);
		const continuations = rest.slice(
			0,
			rest.findIndex((line) => !line.startsWith(' '))
		);
		return [lines[first], ...continuations].join('\r\n');
	};

	it('leaves a short line alone', () => {
		expect(foldedSummary('short')).toBe('SUMMARY:short');
	});

	it('folds a long line into pieces of 75 octets or fewer that unfold to the original', () => {
		// ical-generator fills the first piece to 74 octets where the old writer used 75;
		// RFC 5545 §3.1 asks only for 75 or fewer.
		const summary = 'a'.repeat(200);
		const folded = foldedSummary(summary);
		const pieces = folded.split('\r\n');
		expect(pieces.length).toBeGreaterThan(2);
		expect(pieces.slice(1).every((piece) => piece.startsWith(' ') && piece.length <= 75)).toBe(
			true
		);
		expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${summary}`);
	});

	it('never splits a character of several octets', () => {
		const summary = 'Zoë’s review 👩‍👧 '.repeat(12);
		const folded = foldedSummary(summary);
		for (const piece of folded.split('\r\n')) {
			expect(new TextEncoder().encode(piece).length).toBeLessThanOrEqual(75);
			expect(piece).not.toContain('\uFFFD');
			expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
		}
		expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${summary}`);
	});
});

describe('times and dates', () => {
	it('writes a timed event in UTC without separators', () => {
		const calendar = parseCalendar(write([timed]));
		expect(calendar.get('DTSTART')).toEqual({
			name: 'DTSTART',
			params: {},
			value: '20270312T100000Z'
		});
		expect(calendar.get('DTEND')?.value).toBe('20270312T113000Z');
		expect(calendar.get('DTSTAMP')?.value).toBe('20270315T093000Z');
	});

	it.each([
		['2027-04-16', '20270416', '20270417'],
		['2027-10-31', '20271031', '20271101'],
		['2027-12-31', '20271231', '20280101'],
		['2028-02-28', '20280228', '20280229']
	])('makes %s an all-day event from %s to %s', (date, start, end) => {
		const calendar = parseCalendar(write([dueDate(date)]));
		expect(calendar.get('DTSTART')).toEqual({
			name: 'DTSTART',
			params: { VALUE: 'DATE' },
			value: start
		});
		expect(calendar.get('DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: end });
		expect(calendar.get('TRANSP')?.value).toBe('TRANSPARENT');
	});

	it.each(['2027-02-30', '16/04/2027', '2027-4-16', ''])('refuses %j as a date', (date) => {
		expect(() => write([dueDate(date)])).toThrow(/Not a calendar date/);
	});
});

describe('calendarUid', () => {
	it('depends only on the kind and the id, and keeps to safe characters', () => {
		expect(calendarUid('meeting', '6f1c1f3e-8d5e-4c39-9a55-2f7f2b1b9b7e')).toBe(
			'meeting-6f1c1f3e-8d5e-4c39-9a55-2f7f2b1b9b7e@coplan'
		);
		expect(calendarUid('action', 'a_1:\r\nUID:x;y')).toBe('action-a_1UIDxy@coplan');
	});
});

describe('people', () => {
	it('drops quotes and line breaks from a name, and uses the address when nothing is left', () => {
		const calendar = parseCalendar(
			write([
				{
					...timed,
					organiser: { name: '"\n"', email: 'priya@example.org' },
					attendee: { name: 'Sam "the signer"\r\nOkafor', email: 'sam@example.org' }
				}
			])
		);
		expect(calendar.get('ORGANIZER')?.params).toEqual({ CN: '"priya@example.org"' });
		expect(calendar.get('ATTENDEE')?.params).toEqual({
			ROLE: 'REQ-PARTICIPANT',
			PARTSTAT: 'NEEDS-ACTION',
			RSVP: 'FALSE',
			CN: '"Sam the signerOkafor"'
		});
	});
});

describe('the file', () => {
	it('ends every line, the last included, with CRLF and names its writer', () => {
		const content = write([
			timed,
			{ ...timed, confirmed: true, uid: calendarUid('meeting', 'm2') }
		]);
		expect(content.endsWith('END:VCALENDAR\r\n')).toBe(true);
		const calendar = parseCalendar(content);
		expect(calendar.get('PRODID')?.value).toBe('-//Coplan//Tests//EN');
		expect(calendar.get('CALSCALE')?.value).toBe('GREGORIAN');
		expect(calendar.all('UID').map((p) => p.value)).toEqual([
			'meeting-m1@coplan',
			'meeting-m2@coplan'
		]);
		expect(calendar.all('STATUS').map((p) => p.value)).toEqual(['CONFIRMED']);
		expect(calendar.all('TRANSP').map((p) => p.value)).toEqual(['OPAQUE', 'OPAQUE']);
	});
});
