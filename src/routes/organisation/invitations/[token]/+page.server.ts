import { organisationScope } from '$lib/server/services/invitations/organisationScope.ts';
import {
	invitationPageActions,
	loadInvitationPage
} from '$lib/server/services/invitations/invitationPage.ts';
import type { Actions, PageServerLoad } from './$types';

/** The page a link to join an organisation opens: see invitationPage.ts. */
export const load: PageServerLoad = (event) => loadInvitationPage(organisationScope, event);

export const actions = invitationPageActions(organisationScope, {
	joinedPath: (organisationId) => `/account?joined=${organisationId}`,
	logName: 'organisation invitation'
}) satisfies Actions;
