import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { teamMembers, users } from '../../db/schema.ts';
import {
	TEAM_COORDINATING_ROLES,
	TEAM_ROLES,
	isFamilyRole,
	type TeamRole
} from '../../../shared/domain/roles.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';

export interface TeamMember {
	userId: string;
	name: string;
	teamRole: string;
	agency: string;
}

/** A child's team, family first, then in the order of the roles list, then by name. */
export async function listTeam(db: Database, childId: string): Promise<TeamMember[]> {
	const rows = await db
		.select({
			userId: teamMembers.userId,
			name: users.name,
			teamRole: teamMembers.teamRole,
			agency: teamMembers.agency
		})
		.from(teamMembers)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.where(eq(teamMembers.childId, childId))
		.orderBy(asc(users.name));
	const order = (role: string) => {
		const index = (TEAM_ROLES as readonly string[]).indexOf(role);
		return index === -1 ? TEAM_ROLES.length : index;
	};
	return rows.sort((a, b) => order(a.teamRole) - order(b.teamRole));
}

export async function findTeamMember(
	db: Database,
	childId: string,
	userId: string
): Promise<TeamMember | null> {
	const team = await listTeam(db, childId);
	return team.find((member) => member.userId === userId) ?? null;
}

export type TeamChangeRefusal = 'notInTeam' | 'lastCoordinator' | 'crossesFamilyLine';

export const TEAM_CHANGE_MESSAGES: Record<TeamChangeRefusal, string> = {
	notInTeam: 'This person is no longer in the team.',
	lastCoordinator:
		'The team must keep someone who coordinates it (a SENCo, chair, local authority caseworker or nursery key person). Give that role to someone else first.',
	crossesFamilyLine:
		'A family member’s role can only change to another family role, and a professional’s to another professional role. To change this, invite the person again with the right role.'
};

export type TeamChangeResult = { ok: true } | { ok: false; reason: TeamChangeRefusal };

function coordinates(role: string): boolean {
	return (TEAM_COORDINATING_ROLES as readonly string[]).includes(role);
}

/**
 * Would the team lose its last coordinating member? A team that has none already (say,
 * created by a class teacher) may still change; it just cannot lose one it has.
 */
function losesLastCoordinator(team: TeamMember[], userId: string, newRole: string | null) {
	const before = team.filter((member) => coordinates(member.teamRole)).length;
	const after = team.filter((member) =>
		coordinates(member.userId === userId ? (newRole ?? '') : member.teamRole)
	).length;
	return before > 0 && after === 0;
}

/** Changes a member's team role and agency (the caller has checked child.manageTeam). */
export async function changeTeamMember(
	db: Database,
	live: LiveDocuments,
	actorId: string,
	childId: string,
	userId: string,
	change: { teamRole: TeamRole; agency: string }
): Promise<TeamChangeResult> {
	const result = await db.transaction(async (tx): Promise<TeamChangeResult> => {
		const team = await listTeam(tx, childId);
		const member = team.find((m) => m.userId === userId);
		if (!member) return { ok: false, reason: 'notInTeam' };
		if (isFamilyRole(member.teamRole) !== isFamilyRole(change.teamRole)) {
			// A parent made "SENCo" would read restricted content: never by a role edit.
			return { ok: false, reason: 'crossesFamilyLine' };
		}
		if (losesLastCoordinator(team, userId, change.teamRole)) {
			return { ok: false, reason: 'lastCoordinator' };
		}
		if (member.teamRole === change.teamRole && member.agency === change.agency) return { ok: true };
		await tx
			.update(teamMembers)
			.set(change)
			.where(and(eq(teamMembers.childId, childId), eq(teamMembers.userId, userId)));
		await recordAuditEvent(tx, {
			actorId,
			action: 'team.memberChanged',
			subjectType: 'child',
			subjectId: childId,
			details: {
				userId,
				from: { teamRole: member.teamRole, agency: member.agency },
				to: change
			}
		});
		return { ok: true };
	});
	// A new role can change what someone may read or edit in a meeting open right now.
	if (result.ok) await live.childAccessChanged(childId);
	return result;
}

/** Takes someone out of a child's team (the caller has checked child.manageTeam). */
export async function removeTeamMember(
	db: Database,
	live: LiveDocuments,
	actorId: string,
	childId: string,
	userId: string
): Promise<TeamChangeResult> {
	const result = await db.transaction(async (tx): Promise<TeamChangeResult> => {
		const team = await listTeam(tx, childId);
		const member = team.find((m) => m.userId === userId);
		if (!member) return { ok: false, reason: 'notInTeam' };
		if (losesLastCoordinator(team, userId, null)) return { ok: false, reason: 'lastCoordinator' };
		await tx
			.delete(teamMembers)
			.where(and(eq(teamMembers.childId, childId), eq(teamMembers.userId, userId)));
		await recordAuditEvent(tx, {
			actorId,
			action: 'team.memberRemoved',
			subjectType: 'child',
			subjectId: childId,
			details: { userId, teamRole: member.teamRole, agency: member.agency }
		});
		return { ok: true };
	});
	// Someone taken out of the team loses any live meeting of this child at once.
	if (result.ok) await live.childAccessChanged(childId);
	return result;
}
