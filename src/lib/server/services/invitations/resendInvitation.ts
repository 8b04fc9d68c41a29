import { and, eq } from 'drizzle-orm';
import { generateLinkToken, hashLinkToken } from '../../auth/linkTokens.ts';
import { invitations } from '../../db/schema.ts';
import { knownAs } from '../../../shared/domain/childNames.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { isUuid } from '../children/findChild.ts';
import {
	assertMayInvite,
	type InvitationContext,
	type Inviter,
	type InvitingChild
} from './context.ts';
import { INVITATION_LIFETIME_MS, canResend, invitationStatus } from './invitationStatus.ts';
import { sendInvitationEmail } from './sendInvitationEmail.ts';

export type ResendInvitationResult =
	| { ok: true; email: string; emailSent: boolean }
	| { ok: false; reason: 'notFound' | 'accepted' | 'revoked' };

/**
 * Sends an invitation again with a new link and a new 14 days. The old link stops
 * working: its hash is replaced. The person resending becomes the one named as inviter.
 */
export async function resendInvitation(
	context: InvitationContext,
	inviter: Inviter,
	child: InvitingChild,
	invitationId: string,
	now = new Date()
): Promise<ResendInvitationResult> {
	assertMayInvite(inviter, child);
	if (!isUuid(invitationId)) return { ok: false, reason: 'notFound' };
	const token = generateLinkToken();
	const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
	type Outcome =
		| Extract<ResendInvitationResult, { ok: false }>
		| { ok: true; invitation: typeof invitations.$inferSelect };
	const outcome = await context.db.transaction(async (tx): Promise<Outcome> => {
		const [invitation] = await tx
			.select()
			.from(invitations)
			.where(and(eq(invitations.id, invitationId), eq(invitations.childId, child.id)))
			.for('update');
		if (!invitation) return { ok: false, reason: 'notFound' };
		const status = invitationStatus(invitation, now);
		if (!canResend(status)) {
			return { ok: false, reason: status === 'accepted' ? 'accepted' : 'revoked' };
		}
		await tx
			.update(invitations)
			.set({
				tokenHash: hashLinkToken(token),
				expiresAt,
				lastSentAt: now,
				invitedBy: inviter.actor.id
			})
			.where(eq(invitations.id, invitation.id));
		await recordAuditEvent(tx, {
			actorId: inviter.actor.id,
			action: 'invitation.resent',
			subjectType: 'child',
			subjectId: child.id,
			details: {
				invitationId: invitation.id,
				email: invitation.email,
				wasExpired: status === 'expired'
			}
		});
		return { ok: true, invitation };
	});
	if (!outcome.ok) return outcome;
	const emailSent = await sendInvitationEmail(context, {
		to: outcome.invitation.email,
		recipientName: outcome.invitation.name,
		senderName: inviter.name,
		childFirstName: knownAs(child),
		token,
		expiresAt
	});
	return { ok: true, email: outcome.invitation.email, emailSent };
}
