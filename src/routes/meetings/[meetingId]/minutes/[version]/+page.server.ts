import { error } from '@sveltejs/kit';
import { layOutMinutes } from '$lib/server/minutes/layout/minutesLayout.ts';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { parseSelection, readMinutes } from '$lib/server/services/minutes/readMinutes.ts';
import type { PageServerLoad } from './$types';

/** One version of the minutes (or the draft) in the app, with its downloads. */
export const load: PageServerLoad = async (event) => {
	const { actor, meeting, resource } = await requireMeeting(event, 'meeting.view');
	const selection = parseSelection(event.params.version);
	if (!selection) error(404, 'Not found');
	const readable = await readMinutes(
		event.locals.db,
		event.locals.live,
		meeting,
		resource,
		{ actor, name: event.locals.user?.name ?? '' },
		selection
	);
	if (!readable) error(404, 'Not found');
	const laidOut = layOutMinutes(readable.minutes, readable.context, readable.restricted);
	const [title, ...blocks] = laidOut.blocks;
	return {
		meetingId: meeting.id,
		version: event.params.version,
		draft: selection.kind === 'draft',
		title: title?.kind === 'heading' ? title.text : laidOut.title,
		// The first line says who is looking and when: for downloads, not for the page.
		about: laidOut.stamp.slice(1),
		blocks,
		includesRestricted: readable.restricted !== null,
		changes: readable.changes,
		previous: selection.kind === 'version' ? selection.number - 1 : null,
		actionCount: readable.minutes.actions.length
	};
};
