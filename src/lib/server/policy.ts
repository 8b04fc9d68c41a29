import { eq, sql } from 'drizzle-orm';
import type { Database } from './db/client.ts';
import { memberships, teamMembers } from './db/schema.ts';
import type { MemberRole } from '../shared/domain/roles.ts';
import {
	RESTRICTED_READER_ROLES,
	TEAM_COORDINATING_ROLES,
	isFamilyRole,
	type TeamRole
} from '../shared/domain/roles.ts';

/**
 * The one place that decides who may do what. Routes and the collaboration server both
 * ask can(); nothing else decides access. Facts about the actor (organisation
 * memberships and team places) are loaded once per request by loadActor().
 */

export interface TeamPlaceFacts {
	childId: string;
	teamRole: string;
	/**
	 * The family's consent, in place now, for this person's agency to read restricted
	 * notes. Needed by professionals from outside the organisation holding the record.
	 */
	consentToRestricted?: boolean;
}

export interface Actor {
	id: string;
	memberships: { organisationId: string; role: MemberRole }[];
	teams: TeamPlaceFacts[];
}

export type Resource =
	| { type: 'organisation'; organisationId: string }
	| { type: 'child'; childId: string; organisationId: string }
	| {
			type: 'meeting';
			childId: string;
			organisationId: string;
			closed: boolean;
			chairId: string | null;
	  }
	/** An action agreed in one of the child's meetings, and who owns it. */
	| { type: 'action'; childId: string; organisationId: string; ownerId: string | null };

export type Action =
	/** organisation */
	| 'organisation.manage'
	/** invite members, change their roles, remove them (never the last admin: see services) */
	| 'organisation.manageMembers'
	| 'organisation.createChild'
	/** read and download the audit trail of the organisation and its children */
	| 'organisation.readAudit'
	/** the retention rule, deleting records for good, subject access exports, erasing people */
	| 'organisation.manageRecords'
	/** child */
	| 'child.view'
	| 'child.edit'
	| 'child.delete'
	| 'child.invite'
	/** change a team member's role or agency, or take them out of the team */
	| 'child.manageTeam'
	| 'child.viewRestricted'
	| 'child.addAdvice'
	| 'child.createMeeting'
	/** record the family's consent to share, or its withdrawal */
	| 'child.recordConsent'
	/** meeting */
	| 'meeting.view'
	| 'meeting.edit'
	| 'meeting.collaborate'
	| 'meeting.chair'
	| 'meeting.viewRestricted'
	| 'meeting.respond'
	/** mark a statutory deadline done, also after the meeting has closed */
	| 'meeting.trackDeadlines'
	/** soft-delete a meeting (audited) */
	| 'meeting.delete'
	/** bring an open meeting's live document back to an earlier moment of its history */
	| 'meeting.restore'
	/** make, list and revoke the links a child uses to give their views before the meeting */
	| 'meeting.childVoiceLinks'
	/** action: mark it done with evidence, also after its meeting has closed */
	| 'action.complete';

function orgRole(actor: Actor, organisationId: string): MemberRole | null {
	return actor.memberships.find((m) => m.organisationId === organisationId)?.role ?? null;
}

function teamRole(actor: Actor, childId: string): string | null {
	return actor.teams.find((t) => t.childId === childId)?.teamRole ?? null;
}

function consentsToRestricted(actor: Actor, childId: string): boolean {
	return actor.teams.find((t) => t.childId === childId)?.consentToRestricted === true;
}

/** Coordinators and admins of the organisation that holds the child's record. */
function coordinatesFor(actor: Actor, organisationId: string): boolean {
	const role = orgRole(actor, organisationId);
	return role === 'coordinator' || role === 'admin';
}

function childRules(
	actor: Actor,
	action: Action,
	childId: string,
	organisationId: string
): boolean {
	const role = teamRole(actor, childId);
	const coordinator = coordinatesFor(actor, organisationId);
	const professionalInTeam = role !== null && !isFamilyRole(role);
	const coordinatingInTeam =
		role !== null && (TEAM_COORDINATING_ROLES as readonly string[]).includes(role);
	switch (action) {
		case 'child.view':
		case 'meeting.view':
			return role !== null || coordinator;
		case 'child.edit':
		case 'child.invite':
		case 'child.manageTeam':
		case 'child.createMeeting':
			return coordinator || coordinatingInTeam;
		case 'child.delete':
			return coordinator;
		case 'child.addAdvice':
			return professionalInTeam || coordinator;
		case 'child.recordConsent':
			// The family gives consent and may withdraw it; coordinators record it for them.
			return coordinator || coordinatingInTeam || role === 'parent_carer';
		case 'child.viewRestricted':
		case 'meeting.viewRestricted':
			// Family members never receive restricted content, whatever else they hold; a
			// professional from another agency only while the family's consent allows it.
			return (
				role !== null &&
				!isFamilyRole(role) &&
				(RESTRICTED_READER_ROLES as readonly string[]).includes(role as TeamRole) &&
				(orgRole(actor, organisationId) !== null || consentsToRestricted(actor, childId))
			);
		default:
			return false;
	}
}

export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
	if (!actor) return false;
	switch (resource.type) {
		case 'organisation':
			if (
				action === 'organisation.manage' ||
				action === 'organisation.manageMembers' ||
				action === 'organisation.readAudit' ||
				action === 'organisation.manageRecords'
			)
				return orgRole(actor, resource.organisationId) === 'admin';
			if (action === 'organisation.createChild')
				return coordinatesFor(actor, resource.organisationId);
			return false;
		case 'child':
			return childRules(actor, action, resource.childId, resource.organisationId);
		case 'meeting': {
			const { childId, organisationId } = resource;
			const inTeam = teamRole(actor, childId) !== null;
			switch (action) {
				case 'meeting.view':
				case 'meeting.viewRestricted':
					return childRules(actor, action, childId, organisationId);
				case 'meeting.edit':
					return (
						!resource.closed && childRules(actor, 'child.createMeeting', childId, organisationId)
					);
				case 'meeting.collaborate':
					// Everyone in the team writes the plan together, until the meeting is closed.
					return !resource.closed && inTeam;
				case 'meeting.chair':
					return (
						resource.chairId === actor.id ||
						childRules(actor, 'child.createMeeting', childId, organisationId)
					);
				case 'meeting.respond':
					return inTeam;
				case 'meeting.childVoiceLinks':
					// Whoever organises the child's meetings, and the child's parent or carer, who
					// may open the link at home. Closed meetings take no more views.
					return (
						!resource.closed &&
						(teamRole(actor, childId) === 'parent_carer' ||
							childRules(actor, 'child.createMeeting', childId, organisationId))
					);
				case 'meeting.trackDeadlines':
					// The report, the LA decision and the amended plan all fall after the meeting.
					return childRules(actor, 'child.createMeeting', childId, organisationId);
				case 'meeting.restore':
					// Replaces what the whole team wrote: the organisation's admins only, and
					// never a closed meeting, whose minutes are the record of what was agreed.
					return !resource.closed && orgRole(actor, organisationId) === 'admin';
				case 'meeting.delete':
					// Once closed, a meeting holds minutes: only the organisation may remove it.
					return resource.closed
						? childRules(actor, 'child.delete', childId, organisationId)
						: childRules(actor, 'child.createMeeting', childId, organisationId);
				default:
					return false;
			}
		}
		case 'action':
			if (action !== 'action.complete') return false;
			// Its owner while in the child's team, or whoever organises the child's meetings.
			return (
				(resource.ownerId === actor.id && teamRole(actor, resource.childId) !== null) ||
				childRules(actor, 'child.createMeeting', resource.childId, resource.organisationId)
			);
	}
}

/**
 * Loads who someone is for can(). Both queries are prepared statements: they run for every
 * request and every websocket, and prepared each costs one round trip instead of two.
 */
export async function loadActor(db: Database, userId: string): Promise<Actor> {
	const [memberRows, teamRows] = await Promise.all([
		db
			.select({ organisationId: memberships.organisationId, role: memberships.role })
			.from(memberships)
			.where(eq(memberships.userId, sql.placeholder('userId')))
			.prepare('actor_memberships')
			.execute({ userId }),
		db
			.select({
				childId: teamMembers.childId,
				teamRole: teamMembers.teamRole,
				// Written out in full: Drizzle leaves column names unqualified in a select list,
				// which inside this subquery would name the consent's own columns.
				consentToRestricted: sql<boolean>`exists (
					select 1 from consents as c
					where c.child_id = team_members.child_id
						and c.includes_restricted
						and c.withdrawn_on is null
						and lower(btrim(c.agency)) = lower(btrim(team_members.agency))
				)`
			})
			.from(teamMembers)
			.where(eq(teamMembers.userId, sql.placeholder('userId')))
			.prepare('actor_teams')
			.execute({ userId })
	]);
	return { id: userId, memberships: memberRows, teams: teamRows };
}
