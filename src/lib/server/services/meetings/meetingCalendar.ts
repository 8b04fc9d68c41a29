import { MEETING_TYPE_SHORT_NAMES } from '../../../shared/domain/meetingAgendas.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';
import { buildMeetingCalendar, type CalendarMeeting, type CalendarOptions } from './ics.ts';

export interface MeetingForCalendar {
	id: string;
	type: MeetingType;
	startsAt: Date;
	durationMinutes: number;
	location: string;
	onlineLink: string | null;
}

export function meetingUrl(origin: string, meetingId: string): string {
	return new URL(`/meetings/${meetingId}`, origin).toString();
}

/**
 * The calendar entry for a meeting. Calendars are shared and synced widely, so it names
 * the child by first name and the kind of meeting only, like the emails.
 */
export function calendarMeeting(
	meeting: MeetingForCalendar,
	childName: string,
	origin: string
): CalendarMeeting {
	const url = meetingUrl(origin, meeting.id);
	return {
		id: meeting.id,
		startsAt: meeting.startsAt,
		durationMinutes: meeting.durationMinutes,
		summary: `${childName}: ${MEETING_TYPE_SHORT_NAMES[meeting.type]}`,
		description: `${childName}'s ${MEETING_TYPE_SHORT_NAMES[meeting.type]}.\nDetails, replies and written contributions: ${url}`,
		location: meeting.location,
		onlineLink: meeting.onlineLink,
		url
	};
}

export function meetingCalendarFile(
	meeting: MeetingForCalendar,
	childName: string,
	origin: string,
	options: CalendarOptions
): { filename: string; content: string } {
	return {
		filename: 'meeting.ics',
		content: buildMeetingCalendar(calendarMeeting(meeting, childName, origin), options)
	};
}
