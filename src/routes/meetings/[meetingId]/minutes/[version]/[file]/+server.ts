import { error } from '@sveltejs/kit';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { exportFormatFor, exportMinutes } from '$lib/server/services/minutes/exportMinutes.ts';
import { parseSelection, readMinutes } from '$lib/server/services/minutes/readMinutes.ts';
import type { RequestHandler } from './$types';

/**
 * One copy of the minutes as a file: PDF, Word, printable web page, actions as CSV or
 * calendar, family summary PDF. Made in the worker pool, stamped with who made it and
 * when, with restricted notes only for people allowed to read them.
 */
export const GET: RequestHandler = async (event) => {
	const { actor, meeting, resource } = await requireMeeting(event, 'meeting.view');
	const selection = parseSelection(event.params.version);
	const format = exportFormatFor(event.params.file);
	if (!selection || !format) error(404, 'Not found');
	const now = new Date();
	const readable = await readMinutes(
		event.locals.db,
		event.locals.live,
		meeting,
		resource,
		{ actor, name: event.locals.user?.name ?? '' },
		selection,
		now
	);
	if (!readable) error(404, 'Not found');
	const file = await exportMinutes(event.locals.db, readable, {
		format,
		meetingId: meeting.id,
		actorId: actor.id,
		url: new URL(`/meetings/${meeting.id}/minutes`, event.locals.origin).toString(),
		now
	});
	const headers: Record<string, string> = {
		'content-type': file.contentType,
		'content-disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${file.filename}"`,
		'cache-control': 'private, no-store'
	};
	// The printable page is ours alone: no scripts, no outside resources, whatever it holds.
	if (format === 'html') {
		headers['content-security-policy'] =
			"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
	}
	return new Response(file.bytes.slice().buffer, { headers });
};
