import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { authorise, requireActor } from '$lib/server/auth/guards.ts';
import { validateForm } from '$lib/server/forms.ts';
import {
	administeredOrganisations,
	setTwoFactorRequirement
} from '$lib/server/services/organisations/twoFactorRequirement.ts';
import type { Actions, PageServerLoad } from './$types';

const TwoFactorForm = v.object({
	organisationId: v.pipe(v.string(), v.uuid('Choose an organisation')),
	requireTwoFactor: v.picklist(
		['yes', 'no'],
		'Choose whether everyone in the organisation must use two-factor authentication'
	)
});

export const load: PageServerLoad = async (event) => {
	const actor = await requireActor(event);
	const organisations = await administeredOrganisations(event.locals.db, actor);
	if (organisations.length === 0) {
		error(403, 'Only an organisation’s admins can change its settings.');
	}
	return { organisations, saved: event.url.searchParams.get('saved') };
};

export const actions: Actions = {
	twoFactor: async (event) => {
		const actor = await requireActor(event);
		const form = validateForm(TwoFactorForm, await event.request.formData());
		if (!form.ok) return fail(400, { organisationId: null, errors: form.errors });
		const { organisationId, requireTwoFactor } = form.data;
		authorise(actor, 'organisation.manage', { type: 'organisation', organisationId });
		const result = await setTwoFactorRequirement(event.locals.db, {
			actorId: actor.id,
			organisationId,
			required: requireTwoFactor === 'yes'
		});
		if (!result.ok) {
			return fail(400, {
				organisationId,
				errors: {
					[`requireTwoFactor-${organisationId}`]:
						'Set up two-factor authentication for your own account before requiring it of everyone'
				}
			});
		}
		event.locals.logger.info(
			{ organisationId, requireTwoFactor },
			'organisation two-factor requirement changed'
		);
		redirect(303, `/organisation/settings?saved=${organisationId}`);
	}
};
