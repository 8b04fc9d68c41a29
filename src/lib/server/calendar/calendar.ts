import ical, {
	escape,
	ICalAttendeeRole,
	ICalAttendeeStatus,
	ICalCalendarMethod,
	ICalEventStatus,
	ICalEventTransparency,
	type ICalEventData
} from 'ical-generator';

/**
 * Coplan's one iCalendar (RFC 5545) writer, over ical-generator, which escapes event text,
 * folds lines at 75 octets and writes CRLF. This layer adds only what Coplan's files share:
 * stable UIDs, times in UTC, all-day events from UK dates, and the gaps the library leaves
 * (calendar-level text unescaped, no CRLF after the last line, empty names rejected).
 */

export interface CalendarPerson {
	name: string;
	email: string;
}

interface CalendarEventCommon {
	/** From calendarUid(), so every copy of the file is the same event to a calendar program. */
	uid: string;
	summary: string;
	description: string;
	location?: string;
	url: string;
	/** Busy time (a meeting) or free time (a reminder, such as a due date). */
	busy: boolean;
	confirmed?: boolean;
	organiser?: CalendarPerson;
	attendee?: CalendarPerson;
}

export interface TimedCalendarEvent extends CalendarEventCommon {
	startsAt: Date;
	endsAt: Date;
}

export interface AllDayCalendarEvent extends CalendarEventCommon {
	/** A UK calendar date, YYYY-MM-DD. */
	date: string;
}

export type CalendarEvent = TimedCalendarEvent | AllDayCalendarEvent;

export interface CalendarFile {
	/** What wrote the file, for PRODID: "-//Coplan//{product}//EN". */
	product: string;
	method: 'PUBLISH' | 'REQUEST';
	/** When the file was made (DTSTAMP). */
	now: Date;
	/** The calendar's own name and description, shown when it is subscribed to or imported. */
	name?: string;
	description?: string;
	events: readonly CalendarEvent[];
}

const UID_DOMAIN = 'coplan';
const ONE_DAY_MS = 86_400_000;
const UK_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A UID that depends only on what the event is about, so a later copy updates the event. */
export function calendarUid(kind: 'meeting' | 'action', id: string): string {
	return `${kind}-${id.replace(/[^\w-]/g, '')}@${UID_DOMAIN}`;
}

/**
 * Midnight UTC on the date: ical-generator writes an all-day date from a Date's UTC fields
 * when no time zone is set, so the day is the same whatever the server's zone.
 */
function utcMidnight(date: string): Date {
	const midnight = new Date(`${date}T00:00:00Z`);
	// The round trip rejects dates that do not exist, such as 2027-02-30.
	if (
		!UK_DATE.test(date) ||
		Number.isNaN(midnight.getTime()) ||
		midnight.toISOString().slice(0, 10) !== date
	) {
		throw new Error(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
	}
	return midnight;
}

/**
 * A parameter value (CN): quotes and line breaks dropped rather than RFC 6868-encoded,
 * which some calendar programs show literally; the library rejects an empty name.
 */
function person({ name, email }: CalendarPerson): CalendarPerson {
	return { name: name.replace(/["\r\n]/g, '').trim() || email, email };
}

function eventData(event: CalendarEvent, now: Date): ICalEventData {
	const times =
		'date' in event
			? {
					allDay: true,
					start: utcMidnight(event.date),
					end: new Date(utcMidnight(event.date).getTime() + ONE_DAY_MS)
				}
			: { start: event.startsAt, end: event.endsAt };
	return {
		id: event.uid,
		stamp: now,
		...times,
		summary: event.summary,
		description: event.description,
		location: event.location || null,
		url: event.url,
		transparency: event.busy ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
		status: event.confirmed ? ICalEventStatus.CONFIRMED : null,
		organizer: event.organiser ? person(event.organiser) : null,
		attendees: event.attendee
			? [
					{
						...person(event.attendee),
						role: ICalAttendeeRole.REQ,
						status: ICalAttendeeStatus.NEEDSACTION,
						// Replies are made in Coplan, not by the calendar program.
						rsvp: false
					}
				]
			: []
	};
}

export function writeCalendar(file: CalendarFile): string {
	const calendar = ical({
		prodId: { company: 'Coplan', product: file.product, language: 'EN' },
		scale: 'GREGORIAN',
		method: file.method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH,
		// The library writes the calendar's name and description as given, unlike event text.
		name: file.name === undefined ? null : escape(file.name, false),
		description: file.description === undefined ? null : escape(file.description, false)
	});
	for (const event of file.events) calendar.createEvent(eventData(event, file.now));
	// RFC 5545 §3.1: every content line, the last included, ends with CRLF.
	return `${calendar.toString()}\r\n`;
}
