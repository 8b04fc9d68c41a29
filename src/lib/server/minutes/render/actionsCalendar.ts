import { shiftDate } from '../../../shared/domain/ukCalendar.ts';
import { escapeText, foldLine, formatUtc } from '../../services/meetings/ics.ts';
import type { Minutes } from '../minutesTypes.ts';

/**
 * The due dates of a meeting's open actions as an iCalendar file (RFC 5545): one
 * all-day event per action, with a UID derived from the action's id so importing a later
 * copy updates the events rather than duplicating them. Text is escaped and lines
 * folded by the meeting calendar's writer (services/meetings/ics.ts).
 */

const compactDate = (date: string) => date.replace(/-/g, '');

export function renderActionsCalendar(
	minutes: Minutes,
	options: { now: Date; url: string; stamp: string[] }
): string {
	const child = minutes.child.firstName;
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Coplan//Actions//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(`Actions for ${child}`)}`,
		`X-WR-CALDESC:${escapeText(options.stamp.join(' '))}`
	];
	for (const action of minutes.actions) {
		if (!action.dueDate || action.status === 'done' || action.status === 'dropped') continue;
		lines.push(
			'BEGIN:VEVENT',
			`UID:action-${action.id.replace(/[^\w-]/g, '')}@coplan`,
			`DTSTAMP:${formatUtc(options.now)}`,
			`DTSTART;VALUE=DATE:${compactDate(action.dueDate)}`,
			`DTEND;VALUE=DATE:${compactDate(shiftDate(action.dueDate, { days: 1 }))}`,
			`SUMMARY:${escapeText(`${child}: action due (${action.ownerName})`)}`,
			`DESCRIPTION:${escapeText(
				`${action.text}\nOwner: ${action.ownerName}, ${action.agency}\nStatus: ${action.statusLabel}\nAgreed at: ${minutes.meeting.typeLabel}, ${minutes.meeting.when}\n${options.url}`
			)}`,
			`URL:${options.url}`,
			'TRANSP:TRANSPARENT',
			'END:VEVENT'
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
