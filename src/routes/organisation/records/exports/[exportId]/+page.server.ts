import { error } from '@sveltejs/kit';
import { requireManagedOrganisation } from '$lib/server/services/organisationMembers/requireManagedOrganisation.ts';
import { findSubjectAccessExport } from '$lib/server/services/records/subjectAccess.ts';
import { formatUkDateTime } from '$lib/shared/domain/ukCalendar.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organisation } = await requireManagedOrganisation(event, 'organisation.manageRecords');
	const found = await findSubjectAccessExport(
		event.locals.db,
		organisation.id,
		event.params.exportId
	);
	if (!found) error(404, 'Not found');
	event.setHeaders({ 'cache-control': 'no-store' });
	return {
		organisation,
		item: {
			id: found.id,
			childName: found.childName,
			status: found.status,
			stepsDone: found.stepsDone,
			stepsTotal: found.stepsTotal,
			currentStep: found.currentStep,
			byteSize: found.byteSize,
			error: found.error,
			requestedAt: formatUkDateTime(found.createdAt)
		}
	};
};
