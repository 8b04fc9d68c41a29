import { and, eq } from 'drizzle-orm';
import { generateLinkToken, hashLinkToken } from '../../auth/linkTokens.ts';
import { organisationInvitations } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { isUuid } from '../children/findChild.ts';
import type { InvitationContext } from '../invitations/context.ts';
import {
	INVITATION_LIFETIME_MS,
	canResend,
	invitationStatus
} from '../invitations/invitationStatus.ts';
import { assertMayManageMembers, type ManagedOrganisation, type MemberManager } from './context.ts';
import { sendOrganisationInvitationEmail } from './sendOrganisationInvitationEmail.ts';

export type ResendOrganisationInvitationResult =
	| { ok: true; email: string; emailSent: boolean }
	| { ok: false; reason: 'notFound' | 'accepted' | 'revoked' };

/**
 * Sends an invitation again with a new link and a new 14 days. The old link stops
 * working: its hash is replaced. The admin resending becomes the one named as inviter.
 */
export async function resendOrganisationInvitation(
	context: InvitationContext,
	manager: MemberManager,
	organisation: ManagedOrganisation,
	invitationId: string,
	now = new Date()
): Promise<ResendOrganisationInvitationResult> {
	assertMayManageMembers(manager.actor, organisation.id);
	if (!isUuid(invitationId)) return { ok: false, reason: 'notFound' };
	const token = generateLinkToken();
	const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
	type Outcome =
		| Extract<ResendOrganisationInvitationResult, { ok: false }>
		| { ok: true; invitation: typeof organisationInvitations.$inferSelect };
	const outcome = await context.db.transaction(async (tx): Promise<Outcome> => {
		const [invitation] = await tx
			.select()
			.from(organisationInvitations)
			.where(
				and(
					eq(organisationInvitations.id, invitationId),
					eq(organisationInvitations.organisationId, organisation.id)
				)
			)
			.for('update');
		if (!invitation) return { ok: false, reason: 'notFound' };
		const status = invitationStatus(invitation, now);
		if (!canResend(status)) {
			return { ok: false, reason: status === 'accepted' ? 'accepted' : 'revoked' };
		}
		await tx
			.update(organisationInvitations)
			.set({
				tokenHash: hashLinkToken(token),
				expiresAt,
				lastSentAt: now,
				invitedBy: manager.actor.id
			})
			.where(eq(organisationInvitations.id, invitation.id));
		await recordAuditEvent(tx, {
			actorId: manager.actor.id,
			action: 'organisationInvitation.resent',
			subjectType: 'organisation',
			subjectId: organisation.id,
			details: {
				invitationId: invitation.id,
				email: invitation.email,
				wasExpired: status === 'expired'
			}
		});
		return { ok: true, invitation };
	});
	if (!outcome.ok) return outcome;
	const emailSent = await sendOrganisationInvitationEmail(context, {
		to: outcome.invitation.email,
		recipientName: outcome.invitation.name,
		senderName: manager.name,
		organisationName: organisation.name,
		token,
		expiresAt
	});
	return { ok: true, email: outcome.invitation.email, emailSent };
}
