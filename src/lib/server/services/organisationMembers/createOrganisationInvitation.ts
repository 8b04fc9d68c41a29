import { and, eq, gt, isNull } from 'drizzle-orm';
import { generateLinkToken, hashLinkToken } from '../../auth/linkTokens.ts';
import { memberships, organisationInvitations, users } from '../../db/schema.ts';
import type { FieldErrors } from '../../forms.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { InvitationContext } from '../invitations/context.ts';
import { INVITATION_LIFETIME_MS } from '../invitations/invitationStatus.ts';
import { assertMayManageMembers, type ManagedOrganisation, type MemberManager } from './context.ts';
import type { MemberInvitationInput } from './memberForms.ts';
import { sendOrganisationInvitationEmail } from './sendOrganisationInvitationEmail.ts';

export type CreateOrganisationInvitationResult =
	{ ok: true; invitationId: string; emailSent: boolean } | { ok: false; errors: FieldErrors };

/**
 * Invites someone to be a member of the organisation: saves the invitation (only the
 * token's hash) and emails them the link. Refuses someone who is already a member, and
 * a second invitation while one to the same address is waiting (send that one again).
 */
export async function createOrganisationInvitation(
	context: InvitationContext,
	manager: MemberManager,
	organisation: ManagedOrganisation,
	invitee: MemberInvitationInput,
	now = new Date()
): Promise<CreateOrganisationInvitationResult> {
	assertMayManageMembers(manager.actor, organisation.id);
	const { db } = context;
	const email = invitee.email.trim().toLowerCase();

	const [member] = await db
		.select({ name: users.name })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.organisationId, organisation.id), eq(users.email, email)));
	if (member) {
		return {
			ok: false,
			errors: { email: `${member.name} is already a member of ${organisation.name}` }
		};
	}
	const [waiting] = await db
		.select({ id: organisationInvitations.id })
		.from(organisationInvitations)
		.where(
			and(
				eq(organisationInvitations.organisationId, organisation.id),
				eq(organisationInvitations.email, email),
				isNull(organisationInvitations.acceptedAt),
				isNull(organisationInvitations.revokedAt),
				gt(organisationInvitations.expiresAt, now)
			)
		);
	if (waiting) {
		return {
			ok: false,
			errors: {
				email:
					'An invitation to this email address is already waiting for a reply. Use ‘Send again’ in the list of invitations instead'
			}
		};
	}

	const token = generateLinkToken();
	const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
	const invitationId = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(organisationInvitations)
			.values({
				tokenHash: hashLinkToken(token),
				organisationId: organisation.id,
				email,
				name: invitee.name,
				role: invitee.role,
				invitedBy: manager.actor.id,
				expiresAt,
				lastSentAt: now,
				createdAt: now
			})
			.returning({ id: organisationInvitations.id });
		if (!row) throw new Error('The invitation was not saved.');
		await recordAuditEvent(tx, {
			actorId: manager.actor.id,
			action: 'organisationInvitation.created',
			subjectType: 'organisation',
			subjectId: organisation.id,
			details: { invitationId: row.id, email, role: invitee.role }
		});
		return row.id;
	});

	const emailSent = await sendOrganisationInvitationEmail(context, {
		to: email,
		recipientName: invitee.name,
		senderName: manager.name,
		organisationName: organisation.name,
		token,
		expiresAt
	});
	return { ok: true, invitationId, emailSent };
}
