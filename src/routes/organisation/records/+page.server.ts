import { fail, redirect } from '@sveltejs/kit';
import { requireManagedOrganisation } from '$lib/server/services/organisationMembers/requireManagedOrganisation.ts';
import { auditableChildren } from '$lib/server/services/audit/auditTrail.ts';
import { recordsDueForDeletion, retentionYearsOf } from '$lib/server/services/records/retention.ts';
import {
	listSubjectAccessExports,
	startSubjectAccessExport
} from '$lib/server/services/records/subjectAccess.ts';
import { formatUkDateTime, formatUkShortDate, ukDateOf } from '$lib/shared/domain/ukCalendar.ts';
import { ERASURE_REFUSALS, findErasablePerson } from '$lib/server/services/records/erasePerson.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organisation, organisations } = await requireManagedOrganisation(
		event,
		'organisation.manageRecords'
	);
	const db = event.locals.db;
	const [due, retentionYears, childChoices, exports] = await Promise.all([
		recordsDueForDeletion(db, organisation.id, ukDateOf(new Date())),
		retentionYearsOf(db, organisation.id),
		auditableChildren(db, organisation.id),
		listSubjectAccessExports(db, organisation.id)
	]);
	event.setHeaders({ 'cache-control': 'no-store' });
	return {
		organisation,
		organisations,
		retentionYears,
		childChoices,
		erased: event.url.searchParams.get('erased'),
		erasedPerson: event.url.searchParams.has('erasedPerson'),
		due: due.map((record) => ({
			...record,
			dateOfBirth: formatUkShortDate(record.dateOfBirth),
			dueSince: formatUkShortDate(record.dueSince)
		})),
		exports: exports.map((item) => ({
			id: item.id,
			childName: item.childName,
			requestedByName: item.requestedByName,
			status: item.status,
			requestedAt: formatUkDateTime(item.createdAt)
		}))
	};
};

export const actions: Actions = {
	findPerson: async (event) => {
		const { manager, organisation } = await requireManagedOrganisation(
			event,
			'organisation.manageRecords'
		);
		const email = String((await event.request.formData()).get('email') ?? '').trim();
		if (!email) return fail(400, { errors: { email: 'Enter the person’s email address' }, email });
		const found = await findErasablePerson(event.locals.db, {
			actorId: manager.actor.id,
			organisationId: organisation.id,
			email
		});
		if (!found.ok) return fail(400, { errors: { email: ERASURE_REFUSALS[found.reason] }, email });
		redirect(
			303,
			`/organisation/records/people/${found.person.id}/erase?organisation=${organisation.id}`
		);
	},
	subjectAccess: async (event) => {
		const { manager, organisation } = await requireManagedOrganisation(
			event,
			'organisation.manageRecords'
		);
		const childId = String((await event.request.formData()).get('childId') ?? '');
		const started = await startSubjectAccessExport(
			{ db: event.locals.db, live: event.locals.live, logger: event.locals.logger },
			{
				actor: { id: manager.actor.id, name: manager.name },
				organisationId: organisation.id,
				childId
			}
		);
		if (!started.ok) {
			return fail(400, {
				errors: {
					childId:
						started.reason === 'busy'
							? 'Wait for your last export to finish before starting another'
							: 'Choose a child from the list'
				}
			});
		}
		event.locals.logger.info({ exportId: started.exportId }, 'subject access export started');
		redirect(
			303,
			`/organisation/records/exports/${started.exportId}?organisation=${organisation.id}`
		);
	}
};
