import { error } from '@sveltejs/kit';
import { authorise, requireActor } from '../../auth/guards.ts';
import type { Action } from '../../policy.ts';
import { managedOrganisations, type ManagedOrganisation, type MemberManager } from './context.ts';

export interface MembersAccess {
	manager: MemberManager;
	organisation: ManagedOrganisation;
	/** Every organisation the actor manages, for admins of more than one. */
	organisations: ManagedOrganisation[];
}

/**
 * For an organisation's admin pages (members, audit trail, records): the signed-in admin and the organisation named
 * by `?organisation=` (or their first, when there is none). Someone who manages no
 * organisation is told so (403, like the settings page); an organisation they do not
 * manage answers 404, so nobody learns which organisations exist.
 */
export async function requireManagedOrganisation(
	event: { locals: App.Locals; url: URL },
	action: Action = 'organisation.manageMembers'
): Promise<MembersAccess> {
	const actor = await requireActor(event);
	const organisations = await managedOrganisations(event.locals.db, actor);
	const first = organisations[0];
	if (!first) error(403, 'Only an organisation’s admins can see this page.');
	const wanted = event.url.searchParams.get('organisation');
	const organisation = wanted ? organisations.find((candidate) => candidate.id === wanted) : first;
	if (!organisation) error(404, 'Not found');
	authorise(actor, action, {
		type: 'organisation',
		organisationId: organisation.id
	});
	return {
		manager: { actor, name: event.locals.user?.name ?? '' },
		organisation,
		organisations
	};
}
