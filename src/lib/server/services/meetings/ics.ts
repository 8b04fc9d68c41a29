/**
 * iCalendar (RFC 5545) for one meeting, written by hand: one event, times in UTC, text
 * escaped (RFC 5545 §3.3.11), lines folded at 75 octets (§3.1) and ended with CRLF. The
 * UID is derived from the meeting id, so every copy (download or email) is the same
 * event to a calendar program and a later copy updates rather than duplicates it.
 */

export interface CalendarMeeting {
	id: string;
	startsAt: Date;
	durationMinutes: number;
	summary: string;
	description: string;
	location: string;
	onlineLink: string | null;
	/** The meeting's page in Coplan. */
	url: string;
}

export type CalendarMethod = 'PUBLISH' | 'REQUEST';

export interface CalendarOptions {
	method: CalendarMethod;
	/** When the file was made (DTSTAMP). */
	now: Date;
	/** For an emailed invitation (METHOD:REQUEST): the organiser and the one recipient. */
	organiser?: { name: string; email: string };
	attendee?: { name: string; email: string };
}

const MAX_LINE_OCTETS = 75;
const UID_DOMAIN = 'coplan';

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (such as CN): quoted, as it may hold commas or colons; quotes dropped. */
function paramValue(value: string): string {
	return `"${value.replace(/["\r\n]/g, '')}"`;
}

/** 20270312T100000Z */
export function formatUtc(instant: Date): string {
	return instant
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/**
 * Folds a content line so no line exceeds 75 octets of UTF-8, never inside a character:
 * each continuation line starts with one space, which counts towards its 75.
 */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let currentOctets = 0;
	for (const character of line) {
		const octets = encoder.encode(character).length;
		const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
		if (currentOctets + octets > limit) {
			parts.push(current);
			current = '';
			currentOctets = 0;
		}
		current += character;
		currentOctets += octets;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

export function calendarUid(meetingId: string): string {
	return `meeting-${meetingId}@${UID_DOMAIN}`;
}

export function buildMeetingCalendar(meeting: CalendarMeeting, options: CalendarOptions): string {
	const endsAt = new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);
	const place = [meeting.location, meeting.onlineLink].filter(Boolean).join(', online: ');
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Coplan//Review meetings//EN',
		'CALSCALE:GREGORIAN',
		`METHOD:${options.method}`,
		'BEGIN:VEVENT',
		`UID:${calendarUid(meeting.id)}`,
		`DTSTAMP:${formatUtc(options.now)}`,
		'SEQUENCE:0',
		`DTSTART:${formatUtc(meeting.startsAt)}`,
		`DTEND:${formatUtc(endsAt)}`,
		`SUMMARY:${escapeText(meeting.summary)}`,
		`DESCRIPTION:${escapeText(meeting.description)}`,
		...(place ? [`LOCATION:${escapeText(place)}`] : []),
		`URL:${meeting.url}`,
		'STATUS:CONFIRMED',
		'TRANSP:OPAQUE'
	];
	if (options.organiser) {
		lines.push(
			`ORGANIZER;CN=${paramValue(options.organiser.name)}:mailto:${options.organiser.email}`
		);
	}
	if (options.attendee) {
		// RSVP=FALSE: replies are made in Coplan, not by the calendar program.
		lines.push(
			`ATTENDEE;CN=${paramValue(options.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${options.attendee.email}`
		);
	}
	lines.push('END:VEVENT', 'END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
