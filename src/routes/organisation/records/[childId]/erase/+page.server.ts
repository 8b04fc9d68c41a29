import { error, fail, redirect } from '@sveltejs/kit';
import { requireManagedOrganisation } from '$lib/server/services/organisationMembers/requireManagedOrganisation.ts';
import { eraseChild } from '$lib/server/services/records/eraseChild.ts';
import { recordsDueForDeletion } from '$lib/server/services/records/retention.ts';
import { formatUkShortDate, ukDateOf } from '$lib/shared/domain/ukCalendar.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organisation } = await requireManagedOrganisation(event, 'organisation.manageRecords');
	const due = (
		await recordsDueForDeletion(event.locals.db, organisation.id, ukDateOf(new Date()))
	).find((record) => record.childId === event.params.childId);
	if (!due) error(404, 'Not found');
	event.setHeaders({ 'cache-control': 'no-store' });
	return {
		organisation,
		record: {
			childId: due.childId,
			name: due.name,
			dateOfBirth: formatUkShortDate(due.dateOfBirth),
			dueSince: formatUkShortDate(due.dueSince),
			meetings: due.meetings
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { manager, organisation } = await requireManagedOrganisation(
			event,
			'organisation.manageRecords'
		);
		const confirmed = (await event.request.formData()).get('confirm') === 'yes';
		if (!confirmed) {
			return fail(400, {
				errors: { confirm: 'Confirm that you understand the record cannot be brought back' }
			});
		}
		const result = await eraseChild(
			{ db: event.locals.db, live: event.locals.live },
			{
				actorId: manager.actor.id,
				organisationId: organisation.id,
				childId: event.params.childId,
				today: ukDateOf(new Date())
			}
		);
		if (!result.ok) error(404, 'Not found');
		event.locals.logger.info(
			{ childId: event.params.childId, ...result.erased },
			'child record deleted for good'
		);
		redirect(303, `/organisation/records?organisation=${organisation.id}&erased=1`);
	}
};
