import type { MeetingType } from '../../shared/domain/meetingTypes.ts';
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { createSession, generateSessionToken, SESSION_COOKIE } from '../auth/session.ts';
import type { Database } from '../db/client.ts';
import {
	children,
	consents,
	meetings,
	memberships,
	organisations,
	teamMembers,
	users
} from '../db/schema.ts';
import { createToolToken } from '../services/account/toolTokens.ts';
import type { AgendaItem } from '../../shared/domain/meetingAgendas.ts';
import { RESTRICTED_READER_ROLES, type MemberRole } from '../../shared/domain/roles.ts';

/**
 * The test data factories: real rows in the test database, with the same defaults
 * everywhere (Oakfield Primary School; Aaron Thompson, born 14 March 2019, with an EHCP)
 * and unique addresses on every call, so tests sharing a database never see each other's
 * people. Each area's testing/ folder builds its small worlds from these.
 */

export const SCHOOL_NAME = 'Oakfield Primary School';

export interface TestUser {
	id: string;
	name: string;
	email: string;
}

/** A user with a live session: `cookie` is the Cookie header that proves it. */
export interface SignedInUser extends TestUser {
	cookie: string;
}

export type UserDetails = Partial<Omit<typeof users.$inferInsert, 'id'>> & {
	/** Makes the user a member of this organisation, in this role. */
	membership?: { organisationId: string; role: MemberRole };
};

/** An address no other call gives out: the users table allows each address once. */
export function uniqueEmail(name = 'user'): string {
	const local =
		name
			.toLowerCase()
			.replace(/\W+/g, '.')
			.replace(/^\.|\.$/g, '') || 'user';
	return `${local}.${randomUUID().slice(0, 8)}@example.org`;
}

export async function createUser(db: Database, details: UserDetails = {}): Promise<TestUser> {
	const { membership, ...columns } = details;
	const name = columns.name ?? 'Sam Test';
	const email = columns.email ?? uniqueEmail(name);
	const [user] = await db
		.insert(users)
		.values({ ...columns, name, email })
		.returning({ id: users.id });
	if (!user) throw new Error('user not created');
	if (membership) {
		await addMembership(db, membership.organisationId, user.id, membership.role);
	}
	return { id: user.id, name, email };
}

export async function createSignedInUser(
	db: Database,
	details: UserDetails = {}
): Promise<SignedInUser> {
	const user = await createUser(db, details);
	const token = generateSessionToken();
	await createSession(db, token, user.id);
	return { ...user, cookie: `${SESSION_COOKIE}=${token}` };
}

export async function addMembership(
	db: Database,
	organisationId: string,
	userId: string,
	role: MemberRole
): Promise<void> {
	await db.insert(memberships).values({ organisationId, userId, role });
}

export async function createOrganisation(
	db: Database,
	details: Partial<Omit<typeof organisations.$inferInsert, 'id'>> = {}
): Promise<{ id: string; name: string }> {
	const [organisation] = await db
		.insert(organisations)
		.values({ name: SCHOOL_NAME, kind: 'school', ...details })
		.returning({ id: organisations.id, name: organisations.name });
	if (!organisation) throw new Error('organisation not created');
	return organisation;
}

export interface TestChild {
	id: string;
	organisationId: string;
	firstName: string;
	preferredName: string | null;
}

export async function createChild(
	db: Database,
	organisationId: string,
	details: Partial<Omit<typeof children.$inferInsert, 'id' | 'organisationId'>> = {}
): Promise<TestChild> {
	const [child] = await db
		.insert(children)
		.values({
			organisationId,
			firstName: 'Aaron',
			lastName: 'Thompson',
			dateOfBirth: '2019-03-14',
			setting: SCHOOL_NAME,
			planType: 'ehcp',
			...details
		})
		.returning({
			id: children.id,
			organisationId: children.organisationId,
			firstName: children.firstName,
			preferredName: children.preferredName
		});
	if (!child) throw new Error('child not created');
	return child;
}

/** Puts someone in a child's team; the family's agency is 'Family', anyone else's the school. */
export async function addTeamMember(
	db: Database,
	childId: string,
	userId: string,
	teamRole: string,
	agency = teamRole === 'parent_carer' ? 'Family' : SCHOOL_NAME
): Promise<void> {
	await db.insert(teamMembers).values({ childId, userId, teamRole, agency });
}

/** Takes one of a team out of it, in the database only (live connections are not told). */
export async function removeFromTeam(
	db: Database,
	team: ChildWithTeam,
	key: string
): Promise<void> {
	await db
		.delete(teamMembers)
		.where(and(eq(teamMembers.childId, team.childId), eq(teamMembers.userId, team.member(key).id)));
}

export interface TeamPlace {
	teamRole: string;
	agency: string;
	/** Organisation role, for professionals who belong to the child's organisation. */
	orgRole?: MemberRole;
}

/** The usual cast: SENCo (coordinator), parent, SaLT, social worker. */
export const DEFAULT_TEAM: Record<string, TeamPlace> = {
	senco: { teamRole: 'senco', agency: SCHOOL_NAME, orgRole: 'coordinator' },
	parent: { teamRole: 'parent_carer', agency: 'Family' },
	salt: { teamRole: 'salt', agency: 'NHS Speech and Language Therapy' },
	socialWorker: { teamRole: 'social_worker', agency: 'Children’s Services' }
};

export interface ChildWithTeam {
	organisationId: string;
	childId: string;
	/** The team, signed in, by the keys of the places they were given ('senco', …). */
	people: Record<string, SignedInUser>;
	/** One of the people, by key; throws if the team has no such place. */
	member(key: string): SignedInUser;
}

/** A school, Aaron in its care, and a signed-in team around him (by default DEFAULT_TEAM). */
export async function createChildWithTeam(
	db: Database,
	team: Record<string, TeamPlace> = DEFAULT_TEAM
): Promise<ChildWithTeam> {
	const organisation = await createOrganisation(db);
	const child = await createChild(db, organisation.id);
	const people: Record<string, SignedInUser> = {};
	for (const [key, place] of Object.entries(team)) {
		const membership = place.orgRole && {
			organisationId: organisation.id,
			role: place.orgRole
		};
		const person = await createSignedInUser(db, {
			name: `${key} ${randomUUID().slice(0, 4)}`,
			membership
		});
		await addTeamMember(db, child.id, person.id, place.teamRole, place.agency);
		people[key] = person;
	}
	// Professionals from other agencies read restricted notes only with the family's
	// consent: the usual team has it, as a real one would have it recorded.
	const consentedAgencies = new Set(
		Object.values(team)
			.filter(
				(place) =>
					!place.orgRole && (RESTRICTED_READER_ROLES as readonly string[]).includes(place.teamRole)
			)
			.map((place) => place.agency)
	);
	for (const agency of consentedAgencies) {
		await db.insert(consents).values({
			childId: child.id,
			agency,
			information: 'Reports and notes from the team around the child, including restricted notes',
			includesRestricted: true,
			givenBy: 'Parent',
			givenOn: '2026-01-05'
		});
	}
	return {
		organisationId: organisation.id,
		childId: child.id,
		people,
		member(key) {
			const person = people[key];
			if (!person) throw new Error(`no ${key} in the team`);
			return person;
		}
	};
}

export interface MeetingDetails {
	/** An EHCP annual review unless told otherwise. */
	type?: MeetingType;
	startsAt?: Date;
	status?: 'scheduled' | 'in_progress' | 'closed';
	agenda?: AgendaItem[];
	/** By default the team's SENCo, if it has one. */
	chairId?: string | null;
}

/** A meeting for the team's child, in progress unless told otherwise; returns its id. */
export async function createMeeting(
	db: Database,
	team: Pick<ChildWithTeam, 'childId' | 'people'>,
	details: MeetingDetails = {}
): Promise<string> {
	const [meeting] = await db
		.insert(meetings)
		.values({
			childId: team.childId,
			type: details.type ?? 'ehcp_annual_review',
			startsAt: details.startsAt ?? new Date(),
			status: details.status ?? 'in_progress',
			agenda: details.agenda ?? [
				{ id: 'welcome', title: 'Welcome' },
				{ id: 'views', title: 'Views' }
			],
			chairId: details.chairId === undefined ? (team.people.senco?.id ?? null) : details.chairId
		})
		.returning({ id: meetings.id });
	if (!meeting) throw new Error('meeting not created');
	return meeting.id;
}

/** A team member as the live documents name an editor (LiveDocuments.change). */
export function documentEditorOf(team: ChildWithTeam, key: string) {
	const person = team.member(key);
	return { id: person.id, name: person.name, email: person.email };
}

/** A team member's tool token for one meeting (30 days), made as the account page makes it. */
export async function createToolTokenFor(
	db: Database,
	team: Pick<ChildWithTeam, 'member'>,
	key: string,
	meetingId: string,
	readOnly = false
): Promise<{ id: string; secret: string }> {
	const created = await createToolToken(db, {
		userId: team.member(key).id,
		meetingId,
		label: `${key}'s script`,
		readOnly,
		days: 30
	});
	if (!created.ok) throw new Error(created.reason);
	return { id: created.id, secret: created.secret };
}
