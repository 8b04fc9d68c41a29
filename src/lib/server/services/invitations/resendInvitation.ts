import { eq } from 'drizzle-orm';
import { generateLinkToken, hashLinkToken } from '../../auth/linkTokens.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { InvitationContext, Inviter } from './context.ts';
import { INVITATION_LIFETIME_MS, canResend } from './invitationStatus.ts';
import { lockInvitation, type InvitationChangeRefusal } from './lockInvitation.ts';
import type { InvitationScope, InvitationTable, InvitationTarget } from './scope.ts';
import { sendInvitationEmail } from './sendInvitationEmail.ts';

export type ResendInvitationResult =
	{ ok: true; email: string; emailSent: boolean } | { ok: false; reason: InvitationChangeRefusal };

/**
 * Sends an invitation again with a new link and a new 14 days. The old link stops
 * working: its hash is replaced. The person resending becomes the one named as inviter.
 */
export async function resendInvitation<Target extends InvitationTarget>(
	scope: InvitationScope<InvitationTable, Target>,
	context: InvitationContext,
	inviter: Inviter,
	target: Target,
	invitationId: string,
	now = new Date()
): Promise<ResendInvitationResult> {
	scope.assertMayManage(inviter.actor, target);
	const token = generateLinkToken();
	const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
	const table: InvitationTable = scope.table;
	const outcome = await context.db.transaction(async (tx) => {
		const locked = await lockInvitation(tx, scope, target, invitationId, canResend, now);
		if (!locked.ok) return locked;
		const { invitation, status } = locked;
		await tx
			.update(table)
			.set({
				tokenHash: hashLinkToken(token),
				expiresAt,
				lastSentAt: now,
				invitedBy: inviter.actor.id
			})
			.where(eq(table.id, invitation.id));
		await recordAuditEvent(tx, {
			actorId: inviter.actor.id,
			action: `${scope.auditAction}.resent`,
			subjectType: scope.auditSubject,
			subjectId: target.id,
			details: {
				invitationId: invitation.id,
				email: invitation.email,
				wasExpired: status === 'expired'
			}
		});
		return locked;
	});
	if (!outcome.ok) return outcome;
	const emailSent = await sendInvitationEmail(scope, context, {
		to: outcome.invitation.email,
		recipientName: outcome.invitation.name,
		senderName: inviter.name,
		targetName: scope.targetName(target),
		token,
		expiresAt
	});
	return { ok: true, email: outcome.invitation.email, emailSent };
}
