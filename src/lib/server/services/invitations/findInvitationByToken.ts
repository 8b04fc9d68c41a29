import { and, eq, isNull } from 'drizzle-orm';
import { hashLinkToken, isLinkTokenShaped } from '../../auth/linkTokens.ts';
import type { Database } from '../../db/client.ts';
import { children, invitations, users } from '../../db/schema.ts';
import { knownAs } from '../../../shared/domain/childNames.ts';
import { invitationStatus, type InvitationStatus } from './invitationStatus.ts';

/** What the page an invitation link opens needs to know. */
export interface InvitationView {
	id: string;
	childId: string;
	childFirstName: string;
	email: string;
	name: string;
	teamRole: string;
	agency: string;
	inviterName: string | null;
	status: InvitationStatus;
	/** Whether someone already has a Coplan account with the invited address. */
	accountExists: boolean;
}

/** The invitation a link's token belongs to, or null for a token we never issued. */
export async function findInvitationByToken(
	db: Database,
	token: string,
	now = new Date()
): Promise<InvitationView | null> {
	if (!isLinkTokenShaped(token)) return null;
	const [row] = await db
		.select({
			invitation: invitations,
			child: { firstName: children.firstName, preferredName: children.preferredName },
			inviterName: users.name
		})
		.from(invitations)
		.innerJoin(children, and(eq(children.id, invitations.childId), isNull(children.deletedAt)))
		.leftJoin(users, eq(users.id, invitations.invitedBy))
		.where(eq(invitations.tokenHash, hashLinkToken(token)));
	if (!row) return null;
	const { invitation } = row;
	const [account] = await db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, invitation.email));
	return {
		id: invitation.id,
		childId: invitation.childId,
		childFirstName: knownAs(row.child),
		email: invitation.email,
		name: invitation.name,
		teamRole: invitation.teamRole,
		agency: invitation.agency,
		inviterName: row.inviterName,
		status: invitationStatus(invitation, now),
		accountExists: account !== undefined
	};
}
