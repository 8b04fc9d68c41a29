import { describe, expect, it } from 'vitest';
import { calendarUid } from '../../calendar/calendar.ts';
import { parseCalendar } from '../../calendar/testing/readCalendar.ts';
import {
	meetingCalendarFile,
	type MeetingCalendarOptions,
	type MeetingForCalendar
} from './meetingCalendar.ts';

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

const write = (options: MeetingCalendarOptions, which: MeetingForCalendar = meeting) =>
	meetingCalendarFile(which, 'Aaron', 'https://coplan.example.org', options).content;

describe('meetingCalendarFile', () => {
	const content = write({ method: 'PUBLISH', now });
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
			write({
				method: 'REQUEST',
				now: new Date()
			})
		);
		expect(again.get('UID')?.value).toBe(calendarUid('meeting', meeting.id));
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
			write({
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
		// ical-generator writes the scheme as MAILTO:, the same URI (RFC 3986 §3.1).
		expect(attendee?.value.replace(/^MAILTO:/, 'mailto:')).toBe('mailto:sarah@example.org');
	});

	it('leaves out the location when there is none', () => {
		const bare = parseCalendar(
			write({ method: 'PUBLISH', now }, { ...meeting, location: '', onlineLink: null })
		);
		expect(bare.get('LOCATION')).toBeUndefined();
	});
});
