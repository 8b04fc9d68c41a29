import { childTeamScope } from '$lib/server/services/invitations/childTeamScope.ts';
import {
	invitationPageActions,
	loadInvitationPage
} from '$lib/server/services/invitations/invitationPage.ts';
import {
	documentEditor,
	refreshLiveCaseworkOfChild
} from '$lib/server/services/meetings/liveCasework.ts';
import { acceptHandoverOfInvitation } from '$lib/server/services/handover/readHandover.ts';
import type { Actions, PageServerLoad } from './$types';

/** The page a link to join a child's team opens: see invitationPage.ts. */
export const load: PageServerLoad = (event) => loadInvitationPage(childTeamScope, event);

export const actions = invitationPageActions(childTeamScope, {
	joinedPath: (childId) => `/children/${childId}`,
	logName: 'invitation',
	// The newcomer appears among the attendees of the child's live meetings at once.
	async afterJoining(locals, childId, userId, invitationId) {
		const editor = await documentEditor(locals.db, userId);
		if (editor) await refreshLiveCaseworkOfChild(locals.db, locals.live, childId, editor);
		// The receiving setting's SENCo lands on the handover pack they were invited to read.
		const handover = await acceptHandoverOfInvitation(locals.db, invitationId, userId);
		if (handover) return `/children/${handover.childId}/handovers/${handover.handoverId}`;
	}
}) satisfies Actions;
