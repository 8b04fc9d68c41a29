import { requireUser } from '$lib/server/auth/guards.ts';
import { can, loadActor } from '$lib/server/policy.ts';
import { accountOverview } from '$lib/server/services/account/accountOverview.ts';
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
	return {
		name: user.name,
		email: user.email,
		...(await accountOverview(event.locals.db, user.id)),
		managesAnOrganisation,
		passwordChanged: event.url.searchParams.has('passwordChanged')
	};
};
