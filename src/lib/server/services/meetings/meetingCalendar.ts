import { MEETING_TYPE_SHORT_NAMES } from '../../../shared/domain/meetingAgendas.ts';
import {
	calendarUid,
	writeCalendar,
	type CalendarFile,
	type CalendarPerson
} from '../../calendar/calendar.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';

export interface MeetingForCalendar {
	id: string;
	type: MeetingType;
	startsAt: Date;
	durationMinutes: number;
	location: string;
	onlineLink: string | null;
}

export interface MeetingCalendarOptions {
	/** PUBLISH for a download; REQUEST for an emailed invitation. */
	method: CalendarFile['method'];
	/** When the file was made (DTSTAMP). */
	now: Date;
	/** For an emailed invitation: the organiser and the one recipient. */
	organiser?: CalendarPerson;
	attendee?: CalendarPerson;
}

export function meetingUrl(origin: string, meetingId: string): string {
	return new URL(`/meetings/${meetingId}`, origin).toString();
}

/**
 * The calendar file for a meeting: one event, whose UID comes from the meeting id, so every
 * copy (download or email) is the same event and a later copy updates it. Calendars are
 * shared and synced widely, so it names the child by first name and the kind of meeting
 * only, like the emails.
 */
export function meetingCalendarFile(
	meeting: MeetingForCalendar,
	childName: string,
	origin: string,
	options: MeetingCalendarOptions
): { filename: string; content: string } {
	const url = meetingUrl(origin, meeting.id);
	const kind = MEETING_TYPE_SHORT_NAMES[meeting.type];
	const content = writeCalendar({
		product: 'Review meetings',
		method: options.method,
		now: options.now,
		events: [
			{
				uid: calendarUid('meeting', meeting.id),
				startsAt: meeting.startsAt,
				endsAt: new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000),
				summary: `${childName}: ${kind}`,
				description: `${childName}'s ${kind}.\nDetails, replies and written contributions: ${url}`,
				location: [meeting.location, meeting.onlineLink].filter(Boolean).join(', online: '),
				url,
				busy: true,
				confirmed: true,
				organiser: options.organiser,
				attendee: options.attendee
			}
		]
	});
	return { filename: 'meeting.ics', content };
}
