import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { memberships, teamMembers, users } from '../../db/schema.ts';
import type { MemberRole } from '../../../shared/domain/roles.ts';
import { can, type Actor } from '../../policy.ts';
import { TEAM_ROLES } from '../../../shared/domain/roles.ts';
import { childResource } from './childResource.ts';

export type AccessReason =
	| { kind: 'team'; teamRole: string; agency: string }
	| { kind: 'organisation'; role: MemberRole; organisationName: string };

export interface PersonWithAccess {
	userId: string;
	name: string;
	reason: AccessReason;
}

/**
 * Everyone who can open a child's record, and why: the "Who can see this" panel that the
 * family sees too. The people who might have access (the team, and the members of the
 * organisation that holds the record) are each put to can(), so the panel always tells
 * the truth about the policy rather than repeating it.
 */
export async function whoCanSee(
	db: Database,
	child: { id: string; organisationId: string; organisationName: string }
): Promise<PersonWithAccess[]> {
	const [team, organisationMembers] = await Promise.all([
		db
			.select({
				userId: teamMembers.userId,
				name: users.name,
				teamRole: teamMembers.teamRole,
				agency: teamMembers.agency
			})
			.from(teamMembers)
			.innerJoin(users, eq(users.id, teamMembers.userId))
			.where(eq(teamMembers.childId, child.id))
			.orderBy(asc(users.name)),
		db
			.select({ userId: memberships.userId, name: users.name, role: memberships.role })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(eq(memberships.organisationId, child.organisationId))
			.orderBy(asc(users.name))
	]);
	const actors = await loadActors(db, [
		...new Set([...team, ...organisationMembers].map((person) => person.userId))
	]);
	const resource = childResource(child);
	const hasAccess = (userId: string) => {
		const actor = actors.get(userId);
		return actor !== undefined && can(actor, 'child.view', resource);
	};

	const roleOrder = (role: string) => {
		const index = (TEAM_ROLES as readonly string[]).indexOf(role);
		return index === -1 ? TEAM_ROLES.length : index;
	};
	const fromTeam: PersonWithAccess[] = team
		.filter((member) => hasAccess(member.userId))
		.sort((a, b) => roleOrder(a.teamRole) - roleOrder(b.teamRole))
		.map((member) => ({
			userId: member.userId,
			name: member.name,
			reason: { kind: 'team', teamRole: member.teamRole, agency: member.agency }
		}));
	const inTeam = new Set(team.map((member) => member.userId));
	const throughOrganisation: PersonWithAccess[] = organisationMembers
		.filter((member) => !inTeam.has(member.userId) && hasAccess(member.userId))
		.map((member) => ({
			userId: member.userId,
			name: member.name,
			reason: { kind: 'organisation', role: member.role, organisationName: child.organisationName }
		}));
	return [...fromTeam, ...throughOrganisation];
}

/** Every fact can() needs about each user, in two queries whatever the number of users. */
async function loadActors(db: Database, userIds: string[]): Promise<Map<string, Actor>> {
	const actors = new Map<string, Actor>(
		userIds.map((id) => [id, { id, memberships: [], teams: [] }])
	);
	if (userIds.length === 0) return actors;
	const [memberRows, teamRows] = await Promise.all([
		db
			.select({
				userId: memberships.userId,
				organisationId: memberships.organisationId,
				role: memberships.role
			})
			.from(memberships)
			.where(inArray(memberships.userId, userIds)),
		db
			.select({
				userId: teamMembers.userId,
				childId: teamMembers.childId,
				teamRole: teamMembers.teamRole
			})
			.from(teamMembers)
			.where(inArray(teamMembers.userId, userIds))
	]);
	for (const { userId, ...membership } of memberRows)
		actors.get(userId)?.memberships.push(membership);
	for (const { userId, ...team } of teamRows) actors.get(userId)?.teams.push(team);
	return actors;
}
