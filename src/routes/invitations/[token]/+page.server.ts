import { childTeamScope } from '$lib/server/services/invitations/childTeamScope.ts';
import {
	invitationPageActions,
	loadInvitationPage
} from '$lib/server/services/invitations/invitationPage.ts';
import type { Actions, PageServerLoad } from './$types';

/** The page a link to join a child's team opens: see invitationPage.ts. */
export const load: PageServerLoad = (event) => loadInvitationPage(childTeamScope, event);

export const actions = invitationPageActions(childTeamScope, {
	joinedPath: (childId) => `/children/${childId}`,
	logName: 'invitation'
}) satisfies Actions;
