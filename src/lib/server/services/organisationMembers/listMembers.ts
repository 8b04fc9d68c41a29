import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { memberships, organisations, users } from '../../db/schema.ts';
import type { MemberRole } from '../../../shared/domain/roles.ts';

export interface MemberSummary {
	userId: string;
	name: string;
	email: string;
	role: MemberRole;
}

/** Everyone in the organisation, by name. */
export async function listMembers(db: Database, organisationId: string): Promise<MemberSummary[]> {
	return db
		.select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.organisationId, organisationId))
		.orderBy(asc(users.name), asc(users.email));
}

/** One member of the organisation, or null when they are not (or no longer) a member. */
export async function findMember(
	db: Database,
	organisationId: string,
	userId: string
): Promise<MemberSummary | null> {
	const members = await db
		.select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
	return members[0] ?? null;
}

/** The organisations someone belongs to and their role in each, for their account page. */
export async function membershipsOf(
	db: Database,
	userId: string
): Promise<{ organisationId: string; organisationName: string; role: MemberRole }[]> {
	return db
		.select({
			organisationId: organisations.id,
			organisationName: organisations.name,
			role: memberships.role
		})
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(eq(memberships.userId, userId))
		.orderBy(asc(organisations.name));
}
