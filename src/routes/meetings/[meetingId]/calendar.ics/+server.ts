import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { meetingCalendarFile } from '$lib/server/services/meetings/meetingCalendar.ts';
import { knownAs } from '$lib/shared/domain/childNames.ts';
import { ukDateOf } from '$lib/shared/domain/ukCalendar.ts';
import type { RequestHandler } from './$types';

/** The meeting as an iCalendar file, for anyone who may see the meeting. */
export const GET: RequestHandler = async (event) => {
	const { meeting } = await requireMeeting(event, 'meeting.view');
	const file = meetingCalendarFile(meeting, knownAs(meeting.child), event.locals.origin, {
		method: 'PUBLISH',
		now: new Date()
	});
	return new Response(file.content, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="meeting-${ukDateOf(meeting.startsAt)}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
