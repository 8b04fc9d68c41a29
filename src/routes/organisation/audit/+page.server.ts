import { requireManagedOrganisation } from '$lib/server/services/organisationMembers/requireManagedOrganisation.ts';
import { auditActionChoices, auditLabel } from '$lib/server/services/audit/auditLabels.ts';
import {
	auditableChildren,
	readAuditFilters,
	searchAuditTrail
} from '$lib/server/services/audit/auditTrail.ts';
import { entryPlace } from '$lib/server/services/audit/auditCsv.ts';
import { formatUkDateTime } from '$lib/shared/domain/ukCalendar.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	const { organisation, organisations } = await requireManagedOrganisation(
		event,
		'organisation.readAudit'
	);
	const { filters, errors } = readAuditFilters(event.url.searchParams);
	const pageNumber = Math.min(
		Math.max(Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1, 1),
		10_000
	);
	const [{ entries, more }, childChoices] = await Promise.all([
		searchAuditTrail(event.locals.db, organisation.id, filters, {
			offset: (pageNumber - 1) * PAGE_SIZE,
			limit: PAGE_SIZE
		}),
		auditableChildren(event.locals.db, organisation.id)
	]);
	event.setHeaders({ 'cache-control': 'no-store' });
	return {
		organisation,
		organisations,
		filters,
		errors,
		pageNumber,
		more,
		actionChoices: auditActionChoices(),
		childChoices,
		entries: entries.map((entry) => ({
			id: entry.id,
			when: formatUkDateTime(entry.occurredAt),
			iso: entry.occurredAt.toISOString(),
			who: entry.actorName ?? 'A removed account, or Coplan itself',
			email: entry.actorEmail,
			what: auditLabel(entry.action),
			child: entry.childId ? (entry.childName ?? 'A deleted record') : null,
			place: entryPlace(entry),
			address: entry.ip
		}))
	};
};
