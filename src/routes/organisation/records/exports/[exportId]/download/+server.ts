import { error } from '@sveltejs/kit';
import { requireManagedOrganisation } from '$lib/server/services/organisationMembers/requireManagedOrganisation.ts';
import { recordAuditEvent } from '$lib/server/services/audit/recordAuditEvent.ts';
import { subjectAccessZip } from '$lib/server/services/records/subjectAccess.ts';
import { fileNameSlug } from '$lib/server/fileNameSlug.ts';
import { ukDateOf } from '$lib/shared/domain/ukCalendar.ts';
import type { RequestHandler } from './$types';

/** The finished zip of a subject access export; each download is audited. */
export const GET: RequestHandler = async (event) => {
	const { manager, organisation } = await requireManagedOrganisation(
		event,
		'organisation.manageRecords'
	);
	const found = await subjectAccessZip(event.locals.db, organisation.id, event.params.exportId);
	if (!found) error(404, 'Not found');
	await recordAuditEvent(event.locals.db, {
		actorId: manager.actor.id,
		action: 'child.exportDownloaded',
		subjectType: 'child',
		subjectId: found.childId,
		organisationId: organisation.id,
		ip: event.getClientAddress(),
		details: { exportId: event.params.exportId }
	});
	const child = fileNameSlug(found.childName, 'child');
	// Read from the database into its own buffer: an ArrayBuffer, not a shared one.
	return new Response(found.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="subject-access-${child}-${ukDateOf(new Date())}.zip"`,
			'cache-control': 'no-store'
		}
	});
};
