import type { Database } from '../../db/client.ts';
import { createChildWithTeam as createTeam, type SignedInUser } from '../../testing/factories.ts';

/**
 * The old names, kept only for src/lib/client/collab/CollabSession.test.ts, which is being
 * rewritten elsewhere: it moves to ../../testing/factories.ts (where a person's id is `id`)
 * and this file goes. Nothing else may import it.
 */

export { createMeeting } from '../../testing/factories.ts';

/** @deprecated Use SignedInUser from testing/factories.ts. */
export type TestPerson = SignedInUser & { userId: string };

/** @deprecated Use ChildWithTeam from testing/factories.ts. */
export interface ChildFixture {
	organisationId: string;
	childId: string;
	people: Record<string, TestPerson>;
}

/** @deprecated Use createChildWithTeam from testing/factories.ts. */
export async function createChildWithTeam(db: Database): Promise<ChildFixture> {
	const team = await createTeam(db);
	const people = Object.fromEntries(
		Object.entries(team.people).map(([key, person]) => [key, { ...person, userId: person.id }])
	);
	return { organisationId: team.organisationId, childId: team.childId, people };
}
