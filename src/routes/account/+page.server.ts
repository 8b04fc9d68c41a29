import { requireUser } from '$lib/server/auth/guards.ts';
import { can, loadActor } from '$lib/server/policy.ts';
import { accountOverview } from '$lib/server/services/account/accountOverview.ts';
import { membershipsOf } from '$lib/server/services/organisationMembers/listMembers.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const actor = await loadActor(event.locals.db, user.id);
	const managesAnOrganisation = actor.memberships.some((membership) =>
		can(actor, 'organisation.manage', {
			type: 'organisation',
			organisationId: membership.organisationId
		})
	);
	const organisations = await membershipsOf(event.locals.db, user.id);
	const joinedId = event.url.searchParams.get('joined');
	return {
		name: user.name,
		email: user.email,
		...(await accountOverview(event.locals.db, user.id)),
		managesAnOrganisation,
		organisations,
		/** Just accepted an invitation to this organisation (see /organisation/invitations). */
		joined: organisations.find((organisation) => organisation.organisationId === joinedId) ?? null,
		passwordChanged: event.url.searchParams.has('passwordChanged')
	};
};
