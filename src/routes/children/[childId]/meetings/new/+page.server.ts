import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards.ts';
import { can } from '$lib/server/policy.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import { listTeam } from '$lib/server/services/children/team.ts';
import {
	DURATION_OPTIONS,
	initialMeetingForm,
	isMeetingType
} from '$lib/server/services/meetings/meetingForm.ts';
import { scheduleMeeting } from '$lib/server/services/meetings/scheduleMeeting.ts';
import { MEETING_TYPES } from '$lib/shared/domain/meetingTypes.ts';
import { knownAs } from '$lib/shared/domain/childNames.ts';
import { PHASE_TRANSFERS } from '$lib/shared/domain/phaseTransfers.ts';
import type { Actions, PageServerLoad } from './$types';
import { nextTransfer } from '$lib/shared/domain/yearGroups.ts';
import { ukDateOf } from '$lib/shared/domain/ukCalendar.ts';

/** A phase-transfer review starts with the move the child's year group says is next. */
function withExpectedMove(
	initial: ReturnType<typeof initialMeetingForm>,
	child: { receptionYear: number | null }
): ReturnType<typeof initialMeetingForm> {
	if (initial.values.type !== 'phase_transfer_review' || child.receptionYear === null) {
		return initial;
	}
	const move = nextTransfer(child.receptionYear, ukDateOf(new Date()));
	return move ? { ...initial, values: { ...initial.values, transfer: move.transfer } } : initial;
}

/**
 * Two steps on one address, both plain forms: without ?type the page asks which kind of
 * meeting (so that the agenda can start from that kind's template); with it, the rest.
 */
export const load: PageServerLoad = async (event) => {
	const { actor, child, resource } = await requireChild(event, 'child.createMeeting');
	const team = await listTeam(event.locals.db, child.id);
	const requested = event.url.searchParams.get('type');
	const type = isMeetingType(requested) ? requested : null;
	return {
		child: { id: child.id, name: knownAs(child) },
		team,
		/** For the statutory invitee check's link, when someone the law wants is missing. */
		canInvite: can(actor, 'child.invite', resource),
		meetingTypes: MEETING_TYPES,
		durations: DURATION_OPTIONS,
		transfers: Object.entries(PHASE_TRANSFERS).map(([value, rule]) => ({
			value,
			label: rule.label
		})),
		type,
		// The Continue button sends step=details, so an empty choice is noticed.
		typeError:
			!type && (requested !== null || event.url.searchParams.has('step'))
				? 'Select the type of meeting'
				: null,
		initial: type ? withExpectedMove(initialMeetingForm(type, team, actor.id), child) : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { child } = await requireChild(event, 'child.createMeeting');
		const user = requireUser(event);
		const { locals } = event;
		const result = await scheduleMeeting(
			{
				db: locals.db,
				mailer: locals.mailer,
				logger: locals.logger,
				origin: locals.origin,
				actor: user,
				child
			},
			await event.request.formData()
		);
		if (!result.ok) {
			return fail(400, { errors: result.errors, values: result.values, invitees: result.invitees });
		}
		const query = new URLSearchParams({ scheduled: String(result.emailed) });
		if (result.notEmailed.length > 0) query.set('notEmailed', String(result.notEmailed.length));
		redirect(303, `/meetings/${result.meetingId}?${query}`);
	}
};
