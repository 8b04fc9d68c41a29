import { actionsOfMeetingNow } from '$lib/server/services/actions/meetingActions.ts';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { minutesVersionsOf } from '$lib/server/services/minutes/readMinutes.ts';
import { knownAs } from '$lib/shared/domain/childNames.ts';
import type { PageServerLoad } from './$types';

/** A meeting's minutes: the frozen versions, the draft while it is open, and the actions now. */
export const load: PageServerLoad = async (event) => {
	const { meeting } = await requireMeeting(event, 'meeting.view');
	const { db } = event.locals;
	const [versions, actionsNow] = await Promise.all([
		minutesVersionsOf(db, event.locals.live, meeting),
		actionsOfMeetingNow(db, meeting.id)
	]);
	return {
		meeting: {
			id: meeting.id,
			type: meeting.type,
			startsAt: meeting.startsAt,
			closed: meeting.status === 'closed'
		},
		childName: knownAs(meeting.child),
		versions,
		actionsNow
	};
};
