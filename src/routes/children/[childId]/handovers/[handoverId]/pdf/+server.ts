import { error } from '@sveltejs/kit';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import { renderHandoverPdf } from '$lib/server/services/handover/handoverPdf.ts';
import { loadHandover } from '$lib/server/services/handover/readHandover.ts';
import type { RequestHandler } from './$types';

/** The handover pack as a tagged, accessible PDF, with the same restricted-note rule as the page. */
export const GET: RequestHandler = async (event) => {
	const { actor, resource } = await requireChild(event, 'child.view');
	const handover = await loadHandover(event.locals.db, actor, resource, event.params.handoverId);
	if (!handover) error(404, 'Not found');
	const file = await renderHandoverPdf(handover, actor.id);
	return new Response(Buffer.from(file.bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'no-store'
		}
	});
};
