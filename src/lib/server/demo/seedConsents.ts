import type { Database } from '../db/client.ts';
import { consents } from '../db/schema.ts';
import { RESTRICTED_READER_ROLES } from '../../shared/domain/roles.ts';
import { shiftDate, ukDateOf } from '../../shared/domain/ukCalendar.ts';
import { DEMO_PEOPLE } from './people.ts';
import type { DemoStory } from './story.ts';

/**
 * The demo families' consent to share with the agencies in their child's team whose
 * professionals read restricted notes from outside the organisation holding the record
 * (the council, health, children's social care), given by the parent a year ago.
 */
export async function seedDemoConsents(
	tx: Database,
	stories: readonly DemoStory[],
	childIds: Map<string, string>,
	now: Date
): Promise<void> {
	const givenOn = shiftDate(ukDateOf(now), { months: -12 });
	for (const { child } of stories) {
		const childId = childIds.get(child.firstName);
		if (!childId) continue;
		const parent = child.team.find((member) => member.teamRole === 'parent_carer');
		const parentName = DEMO_PEOPLE.find((person) => person.key === parent?.person)?.name;
		const agencies = new Set(
			child.team
				.filter((member) => {
					const person = DEMO_PEOPLE.find((candidate) => candidate.key === member.person);
					return (
						(RESTRICTED_READER_ROLES as readonly string[]).includes(member.teamRole) &&
						person?.organisation?.key !== child.organisation
					);
				})
				.map((member) => member.agency)
		);
		for (const agency of agencies) {
			await tx.insert(consents).values({
				childId,
				agency,
				information: `Reports, plans and meeting notes about ${child.firstName}, including restricted notes`,
				includesRestricted: true,
				givenBy: parentName ?? 'The family',
				givenOn
			});
		}
	}
}
