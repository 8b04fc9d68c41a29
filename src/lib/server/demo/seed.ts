import { hashPassword } from '../auth/password.ts';
import type { Database } from '../db/client.ts';
import { children, memberships, organisations, teamMembers, users } from '../db/schema.ts';
import { demoAccounts, type DemoAccount } from './accounts.ts';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PEOPLE, demoEmail } from './people.ts';
import { seedDemoAdvice } from './seedAdvice.ts';
import { seedDemoConsents } from './seedConsents.ts';
import { seedDemoMeetings } from './seedMeetings.ts';
import { seedDemoMinutes } from './seedMinutes.ts';
import { aaron } from './stories/aaron.ts';
import { connor } from './stories/connor.ts';
import { jordan } from './stories/jordan.ts';
import { maya } from './stories/maya.ts';
import { demoDateOfBirth, type DemoChild, type DemoStory } from './story.ts';
import { receptionYearFor } from '../../shared/domain/yearGroups.ts';
import { ukDateOf } from '../../shared/domain/ukCalendar.ts';

/** The four demo children's stories, in the order they are seeded. */
export const DEMO_STORIES: readonly DemoStory[] = [aaron, jordan, maya, connor];

/** The child's cohort, from the year group the story gives them on the seeding day. */
function receptionYearOf(child: DemoChild, now: Date): number | null {
	const today = ukDateOf(now);
	const yearGroup =
		typeof child.yearGroup === 'function' ? child.yearGroup(today) : child.yearGroup;
	return yearGroup === null ? null : receptionYearFor(yearGroup, today);
}

function lookup<T>(map: Map<string, T>, key: string): T {
	const value = map.get(key);
	if (value === undefined) throw new Error(`Demo data refers to unknown key "${key}".`);
	return value;
}

/** Seeds the demo organisations, people and children's stories in one transaction. */
export async function seedDemo(db: Database, now = new Date()): Promise<DemoAccount[]> {
	// One hash for every demo account: they share one published password anyway.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction(async (tx) => {
		const organisationIds = new Map<string, string>();
		for (const organisation of DEMO_ORGANISATIONS) {
			const [row] = await tx
				.insert(organisations)
				.values({ name: organisation.name, kind: organisation.kind })
				.returning({ id: organisations.id });
			if (row) organisationIds.set(organisation.key, row.id);
		}
		const userIds = new Map<string, string>();
		for (const person of DEMO_PEOPLE) {
			const [row] = await tx
				.insert(users)
				.values({ email: demoEmail(person), name: person.name, passwordHash })
				.returning({ id: users.id });
			if (!row) continue;
			userIds.set(person.key, row.id);
			if (person.organisation) {
				await tx.insert(memberships).values({
					organisationId: lookup(organisationIds, person.organisation.key),
					userId: row.id,
					role: person.organisation.role
				});
			}
		}
		const childIds = new Map<string, string>();
		for (const { child } of DEMO_STORIES) {
			const [row] = await tx
				.insert(children)
				.values({
					organisationId: lookup(organisationIds, child.organisation),
					firstName: child.firstName,
					lastName: child.lastName,
					dateOfBirth: demoDateOfBirth(child, now),
					setting: child.setting,
					receptionYear: receptionYearOf(child, now),
					planType: child.planType,
					strengths: child.strengths,
					areasOfNeed: child.areasOfNeed
				})
				.returning({ id: children.id });
			if (!row) continue;
			childIds.set(child.firstName, row.id);
			await tx.insert(teamMembers).values(
				child.team.map((member) => ({
					childId: row.id,
					userId: lookup(userIds, member.person),
					teamRole: member.teamRole,
					agency: member.agency
				}))
			);
		}
		await seedDemoConsents(tx, DEMO_STORIES, childIds, now);
		await seedDemoAdvice(tx, DEMO_STORIES, childIds, userIds, now);
		const heldMinutes = await seedDemoMeetings(tx, DEMO_STORIES, childIds, userIds, now);
		await seedDemoMinutes(tx, childIds, userIds, heldMinutes);
	});
	return demoAccounts();
}

export { formatDemoAccounts, type DemoAccount } from './accounts.ts';
