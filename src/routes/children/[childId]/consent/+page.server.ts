import { fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/policy.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import {
	listConsents,
	ownAgencyConsentRefusal,
	parseConsentForm,
	recordConsent,
	teamAgencies,
	withdrawConsent
} from '$lib/server/services/children/consents.ts';
import { formatUkShortDate, ukDateOf } from '$lib/shared/domain/ukCalendar.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, child, resource } = await requireChild(event, 'child.view');
	const [consents, agencies] = await Promise.all([
		listConsents(event.locals.db, child.id),
		teamAgencies(event.locals.db, child.id)
	]);
	return {
		child,
		agencies,
		mayRecord: can(actor, 'child.recordConsent', resource),
		done: event.url.searchParams.get('done'),
		consents: consents.map((consent) => ({
			...consent,
			givenOn: formatUkShortDate(consent.givenOn),
			withdrawnOn: consent.withdrawnOn ? formatUkShortDate(consent.withdrawnOn) : null
		}))
	};
};

export const actions: Actions = {
	record: async (event) => {
		const { actor, child } = await requireChild(event, 'child.recordConsent');
		const posted = await event.request.formData();
		const form = parseConsentForm(posted);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const refusal = await ownAgencyConsentRefusal(event.locals.db, actor, child, form.data.agency);
		if (refusal) {
			const values = Object.fromEntries(
				[...posted.entries()].map(([name, value]) => [name, String(value)])
			);
			return fail(400, { errors: { agency: refusal }, values });
		}
		await recordConsent(
			{ db: event.locals.db, live: event.locals.live },
			{ actorId: actor.id, childId: child.id, consent: form.data }
		);
		redirect(303, `/children/${child.id}/consent?done=recorded`);
	},
	withdraw: async (event) => {
		const { actor, child } = await requireChild(event, 'child.recordConsent');
		const consentId = String((await event.request.formData()).get('consentId') ?? '');
		const withdrawn = await withdrawConsent(
			{ db: event.locals.db, live: event.locals.live },
			{ actorId: actor.id, childId: child.id, consentId, withdrawnOn: ukDateOf(new Date()) }
		);
		if (!withdrawn) {
			return fail(400, {
				errors: { consents: 'That consent has already been withdrawn, or is not this child’s' },
				values: {}
			});
		}
		redirect(303, `/children/${child.id}/consent?done=withdrawn`);
	}
};
