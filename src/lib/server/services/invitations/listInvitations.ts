import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { invitations, users } from '../../db/schema.ts';
import { invitationStatus, type InvitationStatus } from './invitationStatus.ts';

export interface InvitationSummary {
	id: string;
	name: string;
	email: string;
	teamRole: string;
	agency: string;
	status: InvitationStatus;
	invitedByName: string | null;
	lastSentAt: Date;
	expiresAt: Date;
	acceptedAt: Date | null;
	revokedAt: Date | null;
}

/** Every invitation to a child's team, newest first, with its current status. */
export async function listInvitations(
	db: Database,
	childId: string,
	now = new Date()
): Promise<InvitationSummary[]> {
	const rows = await db
		.select({
			id: invitations.id,
			name: invitations.name,
			email: invitations.email,
			teamRole: invitations.teamRole,
			agency: invitations.agency,
			invitedByName: users.name,
			lastSentAt: invitations.lastSentAt,
			expiresAt: invitations.expiresAt,
			acceptedAt: invitations.acceptedAt,
			revokedAt: invitations.revokedAt
		})
		.from(invitations)
		.leftJoin(users, eq(users.id, invitations.invitedBy))
		.where(eq(invitations.childId, childId))
		.orderBy(desc(invitations.createdAt), desc(invitations.id));
	return rows.map((row) => ({ ...row, status: invitationStatus(row, now) }));
}
