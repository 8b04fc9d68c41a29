import { eq } from 'drizzle-orm';
import { hashLinkToken, isLinkTokenShaped } from '../../auth/linkTokens.ts';
import type { Database } from '../../db/client.ts';
import { organisationInvitations, organisations, users } from '../../db/schema.ts';
import type { MemberRole } from '../../../shared/domain/roles.ts';
import { invitationStatus, type InvitationStatus } from '../invitations/invitationStatus.ts';

/** What the page an organisation invitation link opens needs to know. */
export interface OrganisationInvitationView {
	id: string;
	organisationId: string;
	organisationName: string;
	email: string;
	name: string;
	role: MemberRole;
	inviterName: string | null;
	status: InvitationStatus;
	/** Whether someone already has a Coplan account with the invited address. */
	accountExists: boolean;
}

/** The invitation a link's token belongs to, or null for a token we never issued. */
export async function findOrganisationInvitationByToken(
	db: Database,
	token: string,
	now = new Date()
): Promise<OrganisationInvitationView | null> {
	if (!isLinkTokenShaped(token)) return null;
	const [row] = await db
		.select({
			invitation: organisationInvitations,
			organisationName: organisations.name,
			inviterName: users.name
		})
		.from(organisationInvitations)
		.innerJoin(organisations, eq(organisations.id, organisationInvitations.organisationId))
		.leftJoin(users, eq(users.id, organisationInvitations.invitedBy))
		.where(eq(organisationInvitations.tokenHash, hashLinkToken(token)));
	if (!row) return null;
	const { invitation } = row;
	const [account] = await db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, invitation.email));
	return {
		id: invitation.id,
		organisationId: invitation.organisationId,
		organisationName: row.organisationName,
		email: invitation.email,
		name: invitation.name,
		role: invitation.role,
		inviterName: row.inviterName,
		status: invitationStatus(invitation, now),
		accountExists: account !== undefined
	};
}
