import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/client.ts';
import { children, memberships, organisations, teamMembers, users } from '../../../db/schema.ts';
import type { MemberRole } from '../../../../shared/domain/roles.ts';
import { loadActor, type Actor } from '../../../policy.ts';

/** Test data factories for children and their teams: real rows, unique every call. */

export interface TestUser {
	id: string;
	name: string;
}

export async function makeOrganisation(db: Database, name = 'Oakfield Primary School') {
	const [row] = await db
		.insert(organisations)
		.values({ name, kind: 'school' })
		.returning({ id: organisations.id, name: organisations.name });
	if (!row) throw new Error('organisation not created');
	return row;
}

export async function makeUser(
	db: Database,
	name: string,
	organisation?: { id: string; role: MemberRole }
): Promise<TestUser> {
	const [row] = await db
		.insert(users)
		.values({ name, email: `${randomUUID()}@example.org` })
		.returning({ id: users.id, name: users.name });
	if (!row) throw new Error('user not created');
	if (organisation) {
		await db
			.insert(memberships)
			.values({ organisationId: organisation.id, userId: row.id, role: organisation.role });
	}
	return row;
}

export async function makeChild(
	db: Database,
	organisationId: string,
	details: Partial<typeof children.$inferInsert> = {}
): Promise<{ id: string; organisationId: string }> {
	const [row] = await db
		.insert(children)
		.values({
			organisationId,
			firstName: 'Aaron',
			lastName: 'Thompson',
			dateOfBirth: '2020-03-14',
			setting: 'Oakfield Primary School',
			yearGroup: 'Year 2',
			planType: 'ehcp',
			strengths: 'Loves trains.',
			...details
		})
		.returning({ id: children.id, organisationId: children.organisationId });
	if (!row) throw new Error('child not created');
	return row;
}

export async function addToTeam(
	db: Database,
	childId: string,
	user: TestUser,
	teamRole: string,
	agency = 'Oakfield Primary School'
): Promise<void> {
	await db.insert(teamMembers).values({ childId, userId: user.id, teamRole, agency });
}

export function actorFor(db: Database, user: TestUser): Promise<Actor> {
	return loadActor(db, user.id);
}

/** A form as a browser would post it. */
export function formOf(fields: Record<string, string | string[]>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
	}
	return form;
}
