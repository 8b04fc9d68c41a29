import { error } from '@sveltejs/kit';
import { loadChildVoicePicture } from '$lib/server/services/childVoice/submitChildVoice.ts';
import { isUuid } from '$lib/server/services/children/findChild.ts';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import type { RequestHandler } from './$types';

/** The drawing or photo a child sent, for the people who may see the meeting. */
export const GET: RequestHandler = async (event) => {
	const { meeting } = await requireMeeting(event, 'meeting.view');
	if (!isUuid(event.params.submissionId)) error(404, 'Not found');
	const picture = await loadChildVoicePicture(
		event.locals.db,
		meeting.id,
		event.params.submissionId
	);
	if (!picture) error(404, 'Not found');
	// Copied into its own buffer: the driver may hand back a view into a larger one.
	return new Response(new Uint8Array(picture.data), {
		headers: {
			'content-type': picture.type,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff',
			'content-disposition': 'inline'
		}
	});
};
