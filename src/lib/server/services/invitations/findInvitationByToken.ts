import { eq } from 'drizzle-orm';
import { hashLinkToken, isLinkTokenShaped } from '../../auth/linkTokens.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { invitationStatus, type InvitationStatus } from './invitationStatus.ts';
import {
	scopeRow,
	type InvitationScope,
	type InvitationTable,
	type InvitationTarget
} from './scope.ts';

/** What the page an invitation link opens needs to know, with the role the scope offers. */
export interface InvitationView<Details> {
	id: string;
	/** The child or organisation it invites to. */
	targetId: string;
	/** How the page names it: the child's first name, the organisation's name. */
	targetName: string;
	email: string;
	name: string;
	inviterName: string | null;
	status: InvitationStatus;
	/** Whether someone already has a Coplan account with the invited address. */
	accountExists: boolean;
	/** The role offered, as the scope records it. */
	details: Details;
}

/**
 * The invitation a link's token belongs to, or null for a token we never issued (or an
 * invitation to a child who has since been deleted).
 */
export async function findInvitationByToken<
	Table extends InvitationTable,
	Target extends InvitationTarget,
	Details extends object
>(
	scope: InvitationScope<Table, Target, Details>,
	db: Database,
	token: string,
	now = new Date()
): Promise<InvitationView<Details> | null> {
	if (!isLinkTokenShaped(token)) return null;
	const table: InvitationTable = scope.table;
	const [row] = await db
		.select({ invitation: table, inviterName: users.name })
		.from(table)
		.leftJoin(users, eq(users.id, table.invitedBy))
		.where(eq(table.tokenHash, hashLinkToken(token)));
	if (!row) return null;
	const invitation = scopeRow(scope, row.invitation);
	const targetId = scope.targetIdOf(invitation);
	const targetName = await scope.findTargetName(db, targetId);
	if (targetName === null) return null;
	const [account] = await db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, invitation.email));
	return {
		id: invitation.id,
		targetId,
		targetName,
		email: invitation.email,
		name: invitation.name,
		inviterName: row.inviterName,
		status: invitationStatus(invitation, now),
		accountExists: account !== undefined,
		details: scope.detailsOf(invitation)
	};
}
