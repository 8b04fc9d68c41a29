import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards.ts';
import { can } from '$lib/server/policy.ts';
import { listTeam } from '$lib/server/services/children/team.ts';
import { parseHistoryMoment } from '$lib/server/services/meetings/historyMoment.ts';
import { meetingAsOf, meetingTimeline } from '$lib/server/services/meetings/meetingHistory.ts';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { restoreMeeting } from '$lib/server/services/meetings/restoreMeeting.ts';
import { knownAs } from '$lib/shared/domain/childNames.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, meeting, resource } = await requireMeeting(event, 'meeting.view');
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
		snapshot,
		canRestore: can(actor, 'meeting.restore', resource)
	};
};

export const actions: Actions = {
	/** An admin brings the live meeting back to the moment shown (see restoreMeeting). */
	restore: async (event) => {
		const { meeting } = await requireMeeting(event, 'meeting.restore');
		const user = requireUser(event);
		// The form posts to the page's own address, which names the moment shown.
		const moment = parseHistoryMoment(event.url.searchParams);
		if (!moment.at) {
			return fail(400, { restoreError: 'Choose the moment to restore the meeting to.' });
		}
		const form = await event.request.formData();
		if (form.get('confirm') !== 'yes') {
			return fail(400, {
				restoreError: 'Tick the box to confirm that the meeting as it is now will be replaced.'
			});
		}
		const outcome = await restoreMeeting(event.locals.db, event.locals.live, meeting, moment.at, {
			id: user.id,
			name: user.name,
			email: user.email
		});
		if (!outcome.restored) return fail(409, { restoreError: outcome.reason });
		return { restoredTo: moment.at };
	}
};
