import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards.ts';
import { deleteMeeting, sendsCancellations } from '$lib/server/services/meetings/deleteMeeting.ts';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { knownAs } from '$lib/shared/domain/childNames.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await requireMeeting(event, 'meeting.delete');
	return {
		meeting: {
			id: meeting.id,
			childId: meeting.childId,
			type: meeting.type,
			startsAt: meeting.startsAt,
			status: meeting.status
		},
		childName: knownAs(meeting.child),
		willNotify: sendsCancellations(meeting, new Date())
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { meeting } = await requireMeeting(event, 'meeting.delete');
		const user = requireUser(event);
		const { locals } = event;
		await deleteMeeting(
			{
				db: locals.db,
				live: locals.live,
				mailer: locals.mailer,
				logger: locals.logger,
				origin: locals.origin,
				actor: user
			},
			meeting
		);
		redirect(303, `/children/${meeting.childId}#meetings`);
	}
};
