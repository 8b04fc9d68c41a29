import { error } from '@sveltejs/kit';
import { buildFamilySummary } from '$lib/server/minutes/familySummary.ts';
import { layOutFamilySummary } from '$lib/server/minutes/layout/familyLayout.ts';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { parseSelection, readMinutes } from '$lib/server/services/minutes/readMinutes.ts';
import type { PageServerLoad } from './$types';

/** The family summary in the app: plain English, never restricted content. */
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
	// Built from the minutes alone: the restricted notes are not even passed in.
	const laidOut = layOutFamilySummary(buildFamilySummary(readable.minutes), readable.context);
	const [title, ...blocks] = laidOut.blocks;
	return {
		meetingId: meeting.id,
		version: event.params.version,
		title: title?.kind === 'heading' ? title.text : laidOut.title,
		about: laidOut.stamp.slice(1),
		blocks
	};
};
