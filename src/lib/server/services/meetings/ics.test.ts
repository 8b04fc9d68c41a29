import { describe, expect, it } from 'vitest';
import { buildMeetingCalendar, calendarUid, escapeText, foldLine, formatUtc } from './ics.ts';
import { calendarMeeting } from './meetingCalendar.ts';

/**
 * A reader for what we write, following RFC 5545 rather than our writer: unfold lines
 * (CRLF followed by one space), split name, parameters and value, unescape TEXT.
 */
function unfold(content: string): string[] {
	expect(content.endsWith('\r\n')).toBe(true);
	expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	return content.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
}

interface Property {
	name: string;
	params: Record<string, string>;
	value: string;
}

function parseLine(line: string): Property {
	// The value starts at the first colon outside a quoted parameter value.
	let quoted = false;
	let colon = -1;
	for (let i = 0; i < line.length; i++) {
		if (line[i] === '"') quoted = !quoted;
		else if (line[i] === ':' && !quoted) {
			colon = i;
			break;
		}
	}
	const [name = '', ...params] = line.slice(0, colon).split(';');
	return {
		name,
		params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
		value: line.slice(colon + 1)
	};
}

function unescapeText(value: string): string {
	return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
}

function parseCalendar(content: string) {
	const properties = unfold(content).map(parseLine);
	const get = (name: string) => properties.find((p) => p.name === name);
	return { properties, get, text: (name: string) => unescapeText(get(name)?.value ?? '') };
}

const meeting = {
	id: '6f1c1f3e-8d5e-4c39-9a55-2f7f2b1b9b7e',
	type: 'ehcp_annual_review' as const,
	// 10:00 BST on 1 July 2027
	startsAt: new Date('2027-07-01T09:00:00Z'),
	durationMinutes: 90,
	location: 'Oakfield Primary School; room 2, by the hall\nRing the bell',
	onlineLink: 'https://meet.example.org/abc?x=1,2'
};
const now = new Date('2026-11-23T12:34:56.789Z');

describe('buildMeetingCalendar', () => {
	const content = buildMeetingCalendar(
		calendarMeeting(meeting, 'Aaron', 'https://coplan.example.org'),
		{
			method: 'PUBLISH',
			now
		}
	);
	const calendar = parseCalendar(content);

	it('is one event in one calendar', () => {
		const names = calendar.properties.map((p) => `${p.name}:${p.value}`);
		expect(names[0]).toBe('BEGIN:VCALENDAR');
		expect(names).toContain('VERSION:2.0');
		expect(names).toContain('METHOD:PUBLISH');
		expect(names.filter((n) => n === 'BEGIN:VEVENT')).toHaveLength(1);
		expect(names.at(-1)).toBe('END:VCALENDAR');
		expect(calendar.get('PRODID')?.value).toBe('-//Coplan//Review meetings//EN');
	});

	it('gives times in UTC, whatever the UK clocks say', () => {
		expect(calendar.get('DTSTART')?.value).toBe('20270701T090000Z');
		expect(calendar.get('DTEND')?.value).toBe('20270701T103000Z');
		expect(calendar.get('DTSTAMP')?.value).toBe('20261123T123456Z');
	});

	it('keeps one UID per meeting', () => {
		expect(calendar.get('UID')?.value).toBe(`meeting-${meeting.id}@coplan`);
		const again = parseCalendar(
			buildMeetingCalendar(calendarMeeting(meeting, 'Aaron', 'https://coplan.example.org'), {
				method: 'REQUEST',
				now: new Date()
			})
		);
		expect(again.get('UID')?.value).toBe(calendarUid(meeting.id));
	});

	it('escapes commas, semicolons, backslashes and new lines, and reads back the same', () => {
		const location = calendar.get('LOCATION')?.value ?? '';
		expect(location).toContain('Oakfield Primary School\\; room 2\\, by the hall\\nRing the bell');
		expect(calendar.text('LOCATION')).toBe(
			'Oakfield Primary School; room 2, by the hall\nRing the bell, online: https://meet.example.org/abc?x=1,2'
		);
		expect(calendar.text('SUMMARY')).toBe('Aaron: annual review');
		expect(calendar.text('DESCRIPTION')).toBe(
			`Aaron's annual review.\nDetails, replies and written contributions: https://coplan.example.org/meetings/${meeting.id}`
		);
		expect(calendar.get('URL')?.value).toBe(`https://coplan.example.org/meetings/${meeting.id}`);
	});

	it('folds every line to 75 octets or fewer', () => {
		for (const line of content.split('\r\n')) {
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		}
		expect(content).toContain('\r\n ');
	});

	it('names the organiser and the one attendee of an emailed invitation', () => {
		const invitation = parseCalendar(
			buildMeetingCalendar(calendarMeeting(meeting, 'Aaron', 'https://coplan.example.org'), {
				method: 'REQUEST',
				now,
				organiser: { name: 'Shah, Priya', email: 'priya@example.org' },
				attendee: { name: 'Sarah "Sally" Thompson', email: 'sarah@example.org' }
			})
		);
		expect(invitation.get('METHOD')?.value).toBe('REQUEST');
		expect(invitation.get('ORGANIZER')).toEqual({
			name: 'ORGANIZER',
			params: { CN: '"Shah, Priya"' },
			value: 'mailto:priya@example.org'
		});
		const attendee = invitation.get('ATTENDEE');
		expect(attendee?.params).toMatchObject({ CN: '"Sarah Sally Thompson"', RSVP: 'FALSE' });
		expect(attendee?.value).toBe('mailto:sarah@example.org');
	});

	it('leaves out the location when there is none', () => {
		const bare = parseCalendar(
			buildMeetingCalendar(
				calendarMeeting(
					{ ...meeting, location: '', onlineLink: null },
					'Aaron',
					'https://coplan.example.org'
				),
				{ method: 'PUBLISH', now }
			)
		);
		expect(bare.get('LOCATION')).toBeUndefined();
	});
});

describe('escapeText', () => {
	it.each([
		['a,b', 'a\\,b'],
		['a;b', 'a\\;b'],
		['a\\b', 'a\\\\b'],
		['a\nb', 'a\\nb'],
		['a\r\nb', 'a\\nb'],
		['plain', 'plain']
	])('%j becomes %j', (input, expected) => {
		expect(escapeText(input)).toBe(expected);
	});
});

describe('foldLine', () => {
	it('leaves a short line alone', () => {
		expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
	});

	it('folds a long line into 75-octet pieces that unfold to the original', () => {
		const line = `DESCRIPTION:${'a'.repeat(200)}`;
		const folded = foldLine(line);
		const pieces = folded.split('\r\n');
		expect(pieces[0]).toHaveLength(75);
		expect(pieces.slice(1).every((piece) => piece.startsWith(' ') && piece.length <= 75)).toBe(
			true
		);
		expect(folded.replace(/\r\n /g, '')).toBe(line);
	});

	it('never splits a character of several octets', () => {
		const line = `SUMMARY:${'Zoë’s review '.repeat(12)}`;
		const folded = foldLine(line);
		for (const piece of folded.split('\r\n')) {
			expect(new TextEncoder().encode(piece).length).toBeLessThanOrEqual(75);
			expect(piece).not.toContain('\uFFFD');
		}
		expect(folded.replace(/\r\n /g, '')).toBe(line);
	});
});

describe('formatUtc', () => {
	it('writes a UTC date-time without separators', () => {
		expect(formatUtc(new Date('2027-03-12T10:00:00.000Z'))).toBe('20270312T100000Z');
	});
});
