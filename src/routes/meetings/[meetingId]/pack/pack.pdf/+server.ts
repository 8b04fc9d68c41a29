import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { renderExportOffThread } from '$lib/server/minutes/exportPool.ts';
import { fileNameSlug } from '$lib/server/fileNameSlug.ts';
import { buildPack, recordPackOpened } from '$lib/server/services/packs/buildPack.ts';
import { layOutPack } from '$lib/server/services/packs/packLayout.ts';
import { ukDateOf } from '$lib/shared/domain/ukCalendar.ts';
import type { RequestHandler } from './$types';

/** The reader's own pack as a tagged PDF, with restricted notes only if they may read them. */
export const GET: RequestHandler = async (event) => {
	const { actor, meeting, resource } = await requireMeeting(event, 'meeting.view');
	const now = new Date();
	const pack = await buildPack(
		event.locals.db,
		event.locals.live,
		meeting,
		{ actor, resource },
		now
	);
	await recordPackOpened(event.locals.db, meeting.id, actor.id, now);
	// Rendered in the export workers, so a long pack never holds up anyone's live meeting.
	const file = await renderExportOffThread(
		{
			format: 'laid-out-pdf',
			document: layOutPack(pack, event.locals.user?.name ?? 'you', now),
			footer: `Pre-meeting pack: ${pack.childName}, ${ukDateOf(meeting.startsAt)}`,
			filename: `pack-${fileNameSlug(meeting.child.firstName, 'child')}-${ukDateOf(meeting.startsAt)}.pdf`
		},
		actor.id
	);
	return new Response(file.bytes.slice().buffer, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
