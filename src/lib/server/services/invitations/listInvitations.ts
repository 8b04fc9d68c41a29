import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { invitationStatus, type InvitationStatus } from './invitationStatus.ts';
import {
	scopeRow,
	type InvitationScope,
	type InvitationTable,
	type InvitationTarget
} from './scope.ts';

export type InvitationSummary<Details> = {
	id: string;
	name: string;
	email: string;
	status: InvitationStatus;
	invitedByName: string | null;
	lastSentAt: Date;
	expiresAt: Date;
	acceptedAt: Date | null;
	revokedAt: Date | null;
} & Details;

/** Nobody has answered it: waiting, or run out (and so worth sending again). */
export type OpenInvitationSummary<Details> = InvitationSummary<Details> & {
	status: Extract<InvitationStatus, 'pending' | 'expired'>;
};

async function summaries<Table extends InvitationTable, Details extends object>(
	scope: InvitationScope<Table, InvitationTarget, Details>,
	db: Database,
	where: SQL | undefined,
	now: Date
): Promise<InvitationSummary<Details>[]> {
	const table: InvitationTable = scope.table;
	const rows = await db
		.select({ invitation: table, invitedByName: users.name })
		.from(table)
		.leftJoin(users, eq(users.id, table.invitedBy))
		.where(where)
		.orderBy(desc(table.createdAt), desc(table.id));
	return rows.map((row) => {
		const invitation = scopeRow(scope, row.invitation);
		return {
			...scope.detailsOf(invitation),
			id: invitation.id,
			name: invitation.name,
			email: invitation.email,
			status: invitationStatus(invitation, now),
			invitedByName: row.invitedByName,
			lastSentAt: invitation.lastSentAt,
			expiresAt: invitation.expiresAt,
			acceptedAt: invitation.acceptedAt,
			revokedAt: invitation.revokedAt
		};
	});
}

/** Every invitation to the child or organisation, newest first, with its current status. */
export async function listInvitations<Table extends InvitationTable, Details extends object>(
	scope: InvitationScope<Table, InvitationTarget, Details>,
	db: Database,
	targetId: string,
	now = new Date()
): Promise<InvitationSummary<Details>[]> {
	return summaries(scope, db, eq(scope.targetColumn, targetId), now);
}

/**
 * Invitations nobody has answered, newest first: waiting, or run out (and so worth
 * sending again). For lists where accepted ones show up as members and cancelled ones
 * are left to the audit trail.
 */
export async function listOpenInvitations<Table extends InvitationTable, Details extends object>(
	scope: InvitationScope<Table, InvitationTarget, Details>,
	db: Database,
	targetId: string,
	now = new Date()
): Promise<OpenInvitationSummary<Details>[]> {
	const table: InvitationTable = scope.table;
	const open = and(
		eq(scope.targetColumn, targetId),
		isNull(table.acceptedAt),
		isNull(table.revokedAt)
	);
	const rows = await summaries(scope, db, open, now);
	return rows.map((row) => ({ ...row, status: row.status === 'expired' ? 'expired' : 'pending' }));
}
