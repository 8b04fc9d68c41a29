import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { children, meetings, memberships, organisations, teamMembers } from '../../db/schema.ts';
import type { AgendaItem } from '../../../shared/domain/meetingAgendas.ts';
import type { MemberRole } from '../../../shared/domain/roles.ts';
import { createSignedInUser } from './collabTestServer.ts';

/**
 * Factories for collaboration tests: an organisation, a child with a team, and meetings,
 * written to the real test database.
 */

export interface TestPerson {
	userId: string;
	cookie: string;
	name: string;
}

export interface TeamPlace {
	teamRole: string;
	agency: string;
	/** Organisation role, for professionals who belong to the child's organisation. */
	orgRole?: MemberRole;
}

export interface ChildFixture {
	organisationId: string;
	childId: string;
	people: Record<string, TestPerson>;
}

/** The usual cast: SENCo (coordinator), parent, SaLT, social worker. */
export const DEFAULT_TEAM: Record<string, TeamPlace> = {
	senco: { teamRole: 'senco', agency: 'Oakfield Primary School', orgRole: 'coordinator' },
	parent: { teamRole: 'parent_carer', agency: 'Family' },
	salt: { teamRole: 'salt', agency: 'NHS Speech and Language Therapy' },
	socialWorker: { teamRole: 'social_worker', agency: 'Children’s Services' }
};

export async function createChildWithTeam(
	db: Database,
	team: Record<string, TeamPlace> = DEFAULT_TEAM
): Promise<ChildFixture> {
	const [organisation] = await db
		.insert(organisations)
		.values({ name: 'Oakfield Primary School', kind: 'school' })
		.returning({ id: organisations.id });
	if (!organisation) throw new Error('organisation not created');
	const [child] = await db
		.insert(children)
		.values({
			organisationId: organisation.id,
			firstName: 'Aaron',
			lastName: 'Test',
			dateOfBirth: '2019-03-01',
			setting: 'Oakfield Primary School',
			planType: 'ehcp'
		})
		.returning({ id: children.id });
	if (!child) throw new Error('child not created');
	const people: Record<string, TestPerson> = {};
	for (const [key, place] of Object.entries(team)) {
		const name = `${key} ${randomUUID().slice(0, 4)}`;
		const person = await createSignedInUser(db, name);
		people[key] = { ...person, name };
		if (place.orgRole) {
			await db.insert(memberships).values({
				organisationId: organisation.id,
				userId: person.userId,
				role: place.orgRole
			});
		}
		await db.insert(teamMembers).values({
			childId: child.id,
			userId: person.userId,
			teamRole: place.teamRole,
			agency: place.agency
		});
	}
	return { organisationId: organisation.id, childId: child.id, people };
}

/** A signed-in user of the child's organisation who is not in the child's team. */
export async function createOrganisationMember(
	db: Database,
	organisationId: string,
	role: MemberRole
): Promise<TestPerson> {
	const name = `${role} ${randomUUID().slice(0, 4)}`;
	const person = await createSignedInUser(db, name);
	await db.insert(memberships).values({ organisationId, userId: person.userId, role });
	return { ...person, name };
}

export async function createMeeting(
	db: Database,
	fixture: ChildFixture,
	options: {
		startsAt?: Date;
		status?: 'scheduled' | 'in_progress' | 'closed';
		agenda?: AgendaItem[];
		chairId?: string | null;
	} = {}
): Promise<string> {
	const [meeting] = await db
		.insert(meetings)
		.values({
			childId: fixture.childId,
			type: 'ehcp_annual_review',
			startsAt: options.startsAt ?? new Date(),
			status: options.status ?? 'in_progress',
			agenda: options.agenda ?? [
				{ id: 'welcome', title: 'Welcome' },
				{ id: 'views', title: 'Views' }
			],
			chairId: options.chairId ?? fixture.people.senco?.userId ?? null
		})
		.returning({ id: meetings.id });
	if (!meeting) throw new Error('meeting not created');
	return meeting.id;
}
