import { fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/policy.ts';
import { listConsents } from '$lib/server/services/children/consents.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import { createHandover } from '$lib/server/services/handover/createHandover.ts';
import { parseHandoverForm } from '$lib/server/services/handover/handoverForm.ts';
import { listHandovers } from '$lib/server/services/handover/readHandover.ts';
import { listRestrictedNotesOfChild } from '$lib/server/services/handover/restrictedNotes.ts';
import { knownAs } from '$lib/shared/domain/childNames.ts';
import { formatUkShortDate } from '$lib/shared/domain/ukCalendar.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * Making a handover to a new setting: whoever may invite to the child's team. Restricted
 * notes are loaded only for someone who may read them, so nobody else's page holds them.
 */
export const load: PageServerLoad = async (event) => {
	const { actor, child, resource } = await requireChild(event, 'child.invite');
	const { db, live } = event.locals;
	const mayIncludeRestricted = can(actor, 'child.viewRestricted', resource);
	const [consents, restrictedNotes, handovers] = await Promise.all([
		listConsents(db, child.id),
		mayIncludeRestricted ? listRestrictedNotesOfChild(db, live, child.id) : [],
		listHandovers(db, child.id)
	]);
	return {
		child: { id: child.id, name: knownAs(child) },
		consents: consents
			.filter((consent) => consent.withdrawnOn === null)
			.map((consent) => ({
				id: consent.id,
				agency: consent.agency,
				information: consent.information,
				givenBy: consent.givenBy,
				givenOn: formatUkShortDate(consent.givenOn)
			})),
		mayIncludeRestricted,
		restrictedNotes,
		handovers
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, child } = await requireChild(event, 'child.invite');
		const form = parseHandoverForm(await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const inviter = { actor, name: event.locals.user?.name ?? '' };
		const result = await createHandover(event.locals, inviter, child, form.data);
		if (!result.ok) return fail(400, { errors: result.errors, values: form.data });
		event.locals.logger.info({ childId: child.id }, 'child handed over to a new setting');
		redirect(
			303,
			`/children/${child.id}/handovers/${result.handoverId}?sent=${result.emailSent ? 'yes' : 'no'}`
		);
	}
};
