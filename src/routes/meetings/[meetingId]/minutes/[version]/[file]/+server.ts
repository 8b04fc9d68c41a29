import { error } from '@sveltejs/kit';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { exportFormatFor, exportMinutes } from '$lib/server/services/minutes/exportMinutes.ts';
import { parseSelection, readMinutes } from '$lib/server/services/minutes/readMinutes.ts';
import { ExportError } from '$lib/server/minutes/exportPool.ts';
import type { ExportedFile } from '$lib/server/minutes/exports.ts';
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
	let file: ExportedFile;
	try {
		file = await exportMinutes(event.locals.db, readable, {
			format,
			meetingId: meeting.id,
			actorId: actor.id,
			url: new URL(`/meetings/${meeting.id}/minutes`, event.locals.origin).toString(),
			now
		});
	} catch (failure) {
		if (!(failure instanceof ExportError)) throw failure;
		event.locals.logger.warn(
			{ meetingId: meeting.id, format, status: failure.status, reason: failure.message },
			'export not made'
		);
		// Plain words, readable as the page itself when the link was opened without scripts.
		return new Response(failure.message, {
			status: failure.status,
			headers: {
				'content-type': 'text/plain; charset=utf-8',
				'cache-control': 'no-store',
				...(failure.status === 500 ? {} : { 'retry-after': '30' })
			}
		});
	}
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
