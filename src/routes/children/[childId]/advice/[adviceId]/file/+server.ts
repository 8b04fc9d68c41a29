import { error } from '@sveltejs/kit';
import {
	attachmentDisposition,
	findAdviceFile
} from '$lib/server/services/advice/findAdviceFile.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import type { RequestHandler } from './$types';

/**
 * Downloads the file attached to a piece of advice, for anyone who may see the child.
 * Always as an attachment with the type its bytes were checked to be, never sniffed, so
 * that an upload can never run as a page on this site.
 */
export const GET: RequestHandler = async (event) => {
	const { child } = await requireChild(event, 'child.view');
	const file = await findAdviceFile(event.locals.db, child.id, event.params.adviceId);
	if (!file) error(404, 'Not found');
	// The database drivers return bytes on an ordinary ArrayBuffer, never a shared one.
	return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': file.mimeType,
			'content-length': String(file.bytes.byteLength),
			'content-disposition': attachmentDisposition(file.name),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
};
