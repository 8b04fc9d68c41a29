import { listTeam } from '$lib/server/services/children/team.ts';
import { meetingAsOf, meetingTimeline } from '$lib/server/services/meetings/meetingHistory.ts';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { isCalendarDate, ukInstant } from '$lib/shared/domain/ukCalendar.ts';
import type { PageServerLoad } from './$types';

/** "See the meeting as it was at": a GET form, so the chosen moment can be bookmarked. */
function parseMoment(url: URL): {
	values: { date: string; time: string };
	errors: Record<string, string>;
	at: Date | null;
} {
	const date = (url.searchParams.get('date') ?? '').trim();
	const time = (url.searchParams.get('time') ?? '').trim();
	const values = { date, time };
	if (date === '' && time === '') return { values, errors: {}, at: null };
	const errors: Record<string, string> = {};
	if (!isCalendarDate(date)) errors.date = 'Enter a real date, for example 24 November 2026';
	if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.time = 'Enter a time, for example 10:30';
	if (Object.keys(errors).length > 0) return { values, errors, at: null };
	const at = ukInstant(date, time);
	if (!at) errors.time = 'That time did not happen in the UK (the clocks went forward)';
	return { values, errors, at };
}

export const load: PageServerLoad = async (event) => {
	const { meeting } = await requireMeeting(event, 'meeting.view');
	const db = event.locals.db;
	const moment = parseMoment(event.url);
	const [timeline, team, snapshot] = await Promise.all([
		meetingTimeline(db, event.locals.live, meeting.id),
		listTeam(db, meeting.childId),
		moment.at ? meetingAsOf(db, event.locals.live, meeting.id, moment.at) : Promise.resolve(null)
	]);
	return {
		meeting: { id: meeting.id, type: meeting.type, startsAt: meeting.startsAt },
		childName: meeting.child.preferredName ?? meeting.child.firstName,
		timeline,
		names: Object.fromEntries(team.map((member) => [member.userId, member.name])),
		moment: { ...moment.values, errors: moment.errors, at: moment.at },
		snapshot
	};
};
