import { calendarUid, writeCalendar } from '../../calendar/calendar.ts';
import type { Minutes } from '../minutesTypes.ts';

/**
 * The due dates of a meeting's open actions as an iCalendar file: one all-day event per
 * action, with a UID from the action's id, so importing a later copy updates the events
 * rather than duplicating them.
 */
export function renderActionsCalendar(
	minutes: Minutes,
	options: { now: Date; url: string; stamp: string[] }
): string {
	const child = minutes.child.firstName;
	return writeCalendar({
		product: 'Actions',
		method: 'PUBLISH',
		now: options.now,
		name: `Actions for ${child}`,
		description: options.stamp.join(' '),
		events: minutes.actions.flatMap(({ dueDate, ...action }) =>
			!dueDate || action.status === 'done' || action.status === 'dropped'
				? []
				: {
						uid: calendarUid('action', action.id),
						date: dueDate,
						summary: `${child}: action due (${action.ownerName})`,
						description: `${action.text}\nOwner: ${action.ownerName}, ${action.agency}\nStatus: ${action.statusLabel}\nAgreed at: ${minutes.meeting.typeLabel}, ${minutes.meeting.when}\n${options.url}`,
						url: options.url,
						busy: false
					}
		)
	});
}
