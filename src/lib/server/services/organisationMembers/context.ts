import { asc, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organisations } from '../../db/schema.ts';
import { can, type Actor } from '../../policy.ts';
import { NotAllowedError, type Inviter } from '../invitations/context.ts';

/** An organisation, as far as managing its members needs it. */
export interface ManagedOrganisation {
	id: string;
	name: string;
}

/** The admin acting: their policy facts and the name their invitations are sent in. */
export type MemberManager = Inviter;

function organisationResource(organisationId: string) {
	return { type: 'organisation', organisationId } as const;
}

/**
 * Routes check the policy before calling; the services check again, so that no future
 * caller can change an organisation's members without the policy's say-so.
 */
export function assertMayManageMembers(actor: Actor, organisationId: string): void {
	if (!can(actor, 'organisation.manageMembers', organisationResource(organisationId))) {
		throw new NotAllowedError('The policy does not allow this person to manage these members.');
	}
}

/** The organisations whose members the actor may manage, by name. */
export async function managedOrganisations(
	db: Database,
	actor: Actor
): Promise<ManagedOrganisation[]> {
	const ids = actor.memberships
		.map((membership) => membership.organisationId)
		.filter((id) => can(actor, 'organisation.manageMembers', organisationResource(id)));
	if (ids.length === 0) return [];
	return db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(inArray(organisations.id, ids))
		.orderBy(asc(organisations.name), asc(organisations.id));
}
