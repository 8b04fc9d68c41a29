import { error, fail, redirect } from '@sveltejs/kit';
import { requireManagedOrganisation } from '$lib/server/services/organisationMembers/requireManagedOrganisation.ts';
import {
	ERASURE_REFUSALS,
	erasePerson,
	findErasablePerson
} from '$lib/server/services/records/erasePerson.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { manager, organisation } = await requireManagedOrganisation(
		event,
		'organisation.manageRecords'
	);
	const found = await findErasablePerson(event.locals.db, {
		actorId: manager.actor.id,
		organisationId: organisation.id,
		userId: event.params.userId
	});
	if (!found.ok) {
		if (found.reason === 'notFound') error(404, 'Not found');
		error(403, ERASURE_REFUSALS[found.reason]);
	}
	event.setHeaders({ 'cache-control': 'no-store' });
	return { organisation, person: found.person };
};

export const actions: Actions = {
	default: async (event) => {
		const { manager, organisation } = await requireManagedOrganisation(
			event,
			'organisation.manageRecords'
		);
		if ((await event.request.formData()).get('confirm') !== 'yes') {
			return fail(400, {
				errors: {
					confirm: 'Confirm that you understand this person’s details cannot be brought back'
				}
			});
		}
		const found = await findErasablePerson(event.locals.db, {
			actorId: manager.actor.id,
			organisationId: organisation.id,
			userId: event.params.userId
		});
		if (!found.ok) {
			if (found.reason === 'notFound') error(404, 'Not found');
			error(403, ERASURE_REFUSALS[found.reason]);
		}
		const me = event.locals.user;
		await erasePerson(
			{ db: event.locals.db, live: event.locals.live },
			{
				actorId: manager.actor.id,
				actorName: me?.name ?? manager.name,
				actorEmail: me?.email ?? '',
				organisationId: organisation.id,
				person: found.person
			}
		);
		event.locals.logger.info({ userId: found.person.id }, 'person erased');
		redirect(303, `/organisation/records?organisation=${organisation.id}&erasedPerson`);
	}
};
