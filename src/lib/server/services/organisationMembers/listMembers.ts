import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { memberships, organisationInvitations, organisations, users } from '../../db/schema.ts';
import type { MemberRole } from '../../../shared/domain/roles.ts';
import { invitationStatus, type InvitationStatus } from '../invitations/invitationStatus.ts';

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

export interface OrganisationInvitationSummary {
	id: string;
	name: string;
	email: string;
	role: MemberRole;
	status: Extract<InvitationStatus, 'pending' | 'expired'>;
	invitedByName: string | null;
	lastSentAt: Date;
	expiresAt: Date;
}

/**
 * Invitations nobody has answered, newest first: waiting, or run out (and so worth
 * sending again). Accepted ones show up as members; cancelled ones are in the audit trail.
 */
export async function listOpenOrganisationInvitations(
	db: Database,
	organisationId: string,
	now = new Date()
): Promise<OrganisationInvitationSummary[]> {
	const rows = await db
		.select({
			id: organisationInvitations.id,
			name: organisationInvitations.name,
			email: organisationInvitations.email,
			role: organisationInvitations.role,
			invitedByName: users.name,
			lastSentAt: organisationInvitations.lastSentAt,
			expiresAt: organisationInvitations.expiresAt,
			acceptedAt: organisationInvitations.acceptedAt,
			revokedAt: organisationInvitations.revokedAt
		})
		.from(organisationInvitations)
		.leftJoin(users, eq(users.id, organisationInvitations.invitedBy))
		.where(
			and(
				eq(organisationInvitations.organisationId, organisationId),
				isNull(organisationInvitations.acceptedAt),
				isNull(organisationInvitations.revokedAt)
			)
		)
		.orderBy(desc(organisationInvitations.createdAt), desc(organisationInvitations.id));
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		email: row.email,
		role: row.role,
		invitedByName: row.invitedByName,
		lastSentAt: row.lastSentAt,
		expiresAt: row.expiresAt,
		status: invitationStatus(row, now) === 'expired' ? 'expired' : 'pending'
	}));
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
