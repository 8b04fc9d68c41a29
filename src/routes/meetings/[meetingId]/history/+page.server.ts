import { listTeam } from '$lib/server/services/children/team.ts';
import { parseHistoryMoment } from '$lib/server/services/meetings/historyMoment.ts';
import { meetingAsOf, meetingTimeline } from '$lib/server/services/meetings/meetingHistory.ts';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { knownAs } from '$lib/shared/domain/childNames.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await requireMeeting(event, 'meeting.view');
	const db = event.locals.db;
	const moment = parseHistoryMoment(event.url.searchParams);
	const [timeline, team, snapshot] = await Promise.all([
		meetingTimeline(db, event.locals.live, meeting.id),
		listTeam(db, meeting.childId),
		moment.at ? meetingAsOf(db, event.locals.live, meeting.id, moment.at) : Promise.resolve(null)
	]);
	return {
		meeting: { id: meeting.id, type: meeting.type, startsAt: meeting.startsAt },
		childName: knownAs(meeting.child),
		timeline,
		names: Object.fromEntries(team.map((member) => [member.userId, member.name])),
		moment: { ...moment.values, errors: moment.errors, at: moment.at },
		snapshot
	};
};
