import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { authorise, requireActor } from '$lib/server/auth/guards.ts';
import { validateForm } from '$lib/server/forms.ts';
import {
	administeredOrganisations,
	setTwoFactorRequirement
} from '$lib/server/services/organisations/twoFactorRequirement.ts';
import { MOST_RETENTION_YEARS, setRetentionYears } from '$lib/server/services/records/retention.ts';
import type { Actions, PageServerLoad } from './$types';

const TwoFactorForm = v.object({
	organisationId: v.pipe(v.string(), v.uuid('Choose an organisation')),
	requireTwoFactor: v.picklist(
		['yes', 'no'],
		'Choose whether everyone in the organisation must use two-factor authentication'
	)
});

const RetentionForm = v.object({
	organisationId: v.pipe(v.string(), v.uuid('Choose an organisation')),
	retentionYears: v.pipe(
		v.string(),
		v.trim(),
		v.regex(/^\d{1,3}$/, 'Enter the number of years as a whole number, such as 31'),
		v.transform(Number),
		v.minValue(1, 'Keep records for at least 1 year after the child’s date of birth'),
		v.maxValue(
			MOST_RETENTION_YEARS,
			`Keep records for at most ${MOST_RETENTION_YEARS} years after the child’s date of birth`
		)
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
	retention: async (event) => {
		const actor = await requireActor(event);
		const formData = await event.request.formData();
		const form = validateForm(RetentionForm, formData);
		const organisationId = String(formData.get('organisationId') ?? '');
		if (!form.ok) {
			return fail(400, {
				organisationId,
				errors: { [`retentionYears-${organisationId}`]: form.errors.retentionYears ?? '' },
				retentionYears: String(formData.get('retentionYears') ?? '')
			});
		}
		authorise(actor, 'organisation.manageRecords', {
			type: 'organisation',
			organisationId: form.data.organisationId
		});
		await setRetentionYears(event.locals.db, {
			actorId: actor.id,
			organisationId: form.data.organisationId,
			years: form.data.retentionYears
		});
		redirect(303, `/organisation/settings?saved=${form.data.organisationId}`);
	},
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
