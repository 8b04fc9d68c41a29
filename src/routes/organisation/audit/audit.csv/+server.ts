import { requireManagedOrganisation } from '$lib/server/services/organisationMembers/requireManagedOrganisation.ts';
import { readAuditFilters, searchAuditTrail } from '$lib/server/services/audit/auditTrail.ts';
import { AUDIT_CSV_HEADER, auditCsvRows } from '$lib/server/services/audit/auditCsv.ts';
import { recordAuditEvent } from '$lib/server/services/audit/recordAuditEvent.ts';
import { BOM, csvRows } from '$lib/server/minutes/render/csv.ts';
import { ukDateOf } from '$lib/shared/domain/ukCalendar.ts';
import type { RequestHandler } from './$types';

const BATCH = 2_000;
/** A year of a busy organisation's events; a wider export should be split by dates. */
const MOST_ROWS = 200_000;

/** The filtered audit trail as CSV, newest first, the download itself audited. */
export const GET: RequestHandler = async (event) => {
	const { manager, organisation } = await requireManagedOrganisation(
		event,
		'organisation.readAudit'
	);
	const { filters } = readAuditFilters(event.url.searchParams);
	const db = event.locals.db;
	await recordAuditEvent(db, {
		actorId: manager.actor.id,
		action: 'audit.exported',
		subjectType: 'organisation',
		subjectId: organisation.id,
		organisationId: organisation.id,
		ip: event.getClientAddress(),
		details: Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''))
	});
	let offset = 0;
	const asOf = new Date();
	const body = new ReadableStream<string>({
		start(controller) {
			controller.enqueue(BOM + csvRows([AUDIT_CSV_HEADER]));
		},
		async pull(controller) {
			const { entries, more } = await searchAuditTrail(db, organisation.id, filters, {
				offset,
				limit: BATCH,
				asOf
			});
			offset += entries.length;
			if (entries.length > 0) controller.enqueue(auditCsvRows(entries));
			if (!more || offset >= MOST_ROWS) controller.close();
		}
	});
	const fileName = `audit-trail-${ukDateOf(new Date())}.csv`;
	return new Response(body.pipeThrough(new TextEncoderStream()), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'no-store'
		}
	});
};
