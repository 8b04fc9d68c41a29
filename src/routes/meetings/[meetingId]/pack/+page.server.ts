import { error, fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/policy.ts';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { buildPack, recordPackOpened } from '$lib/server/services/packs/buildPack.ts';
import {
	REMINDER_REFUSALS,
	packReaderRows,
	sendAdviceReminder
} from '$lib/server/services/packs/packTracking.ts';
import { OWING_ADVICE_EXPLAINED } from '$lib/shared/domain/packs.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The pre-meeting pack, built for the reader (restricted notes only for those allowed).
 * Opening it is recorded for the coordinator; coordinators also see who has opened it and
 * who still owes advice, and may remind them.
 */
export const load: PageServerLoad = async (event) => {
	const { actor, meeting, resource } = await requireMeeting(event, 'meeting.view');
	const now = new Date();
	const { db } = event.locals;
	const pack = await buildPack(db, event.locals.live, meeting, { actor, resource }, now);
	await recordPackOpened(db, meeting.id, actor.id, now);
	const coordinates = can(actor, 'meeting.trackDeadlines', resource);
	return {
		pack,
		owingExplained: OWING_ADVICE_EXPLAINED,
		mayAddAdvice: can(actor, 'child.addAdvice', {
			type: 'child',
			childId: meeting.childId,
			organisationId: meeting.organisationId
		}),
		iOweAdvice: pack.owing.some((person) => person.userId === actor.id),
		readers: coordinates ? await packReaderRows(db, meeting, now) : null,
		reminded: event.url.searchParams.get('reminded')
	};
};

export const actions: Actions = {
	remind: async (event) => {
		const { meeting } = await requireMeeting(event, 'meeting.trackDeadlines');
		const user = event.locals.user;
		if (!user) error(401, 'Please sign in.');
		const userId = String((await event.request.formData()).get('userId') ?? '');
		const result = await sendAdviceReminder(
			{
				db: event.locals.db,
				mailer: event.locals.mailer,
				logger: event.locals.logger,
				origin: event.locals.origin
			},
			meeting,
			{ id: user.id, name: user.name },
			userId,
			new Date()
		);
		if (!result.ok) {
			return fail(400, { userId, message: REMINDER_REFUSALS[result.reason] });
		}
		redirect(303, `/meetings/${meeting.id}/pack?reminded=${encodeURIComponent(userId)}#readers`);
	}
};
