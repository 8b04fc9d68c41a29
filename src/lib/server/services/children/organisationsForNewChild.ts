import { asc, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organisations } from '../../db/schema.ts';
import { can, type Actor } from '../../policy.ts';

/** The organisations in which the actor may add a child, by name. */
export async function organisationsForNewChild(
	db: Database,
	actor: Actor
): Promise<{ id: string; name: string }[]> {
	const allowed = actor.memberships
		.map((m) => m.organisationId)
		.filter((organisationId) =>
			can(actor, 'organisation.createChild', { type: 'organisation', organisationId })
		);
	if (allowed.length === 0) return [];
	return db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(inArray(organisations.id, allowed))
		.orderBy(asc(organisations.name));
}
