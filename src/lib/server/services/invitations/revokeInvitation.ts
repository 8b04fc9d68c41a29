import { and, eq } from 'drizzle-orm';
import { invitations } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { isUuid } from '../children/findChild.ts';
import { assertMayInvite, type Inviter, type InvitingChild } from './context.ts';
import type { Database } from '../../db/client.ts';
import { canRevoke, invitationStatus } from './invitationStatus.ts';

export type RevokeInvitationResult =
	{ ok: true; email: string } | { ok: false; reason: 'notFound' | 'accepted' | 'revoked' };

/** Cancels an invitation that nobody has accepted: its link stops working at once. */
export async function revokeInvitation(
	db: Database,
	inviter: Inviter,
	child: InvitingChild,
	invitationId: string,
	now = new Date()
): Promise<RevokeInvitationResult> {
	assertMayInvite(inviter, child);
	if (!isUuid(invitationId)) return { ok: false, reason: 'notFound' };
	return db.transaction(async (tx) => {
		const [invitation] = await tx
			.select()
			.from(invitations)
			.where(and(eq(invitations.id, invitationId), eq(invitations.childId, child.id)))
			.for('update');
		if (!invitation) return { ok: false, reason: 'notFound' };
		const status = invitationStatus(invitation, now);
		if (!canRevoke(status)) {
			return { ok: false, reason: status === 'accepted' ? 'accepted' : 'revoked' };
		}
		await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, invitation.id));
		await recordAuditEvent(tx, {
			actorId: inviter.actor.id,
			action: 'invitation.revoked',
			subjectType: 'child',
			subjectId: child.id,
			details: { invitationId: invitation.id, email: invitation.email }
		});
		return { ok: true, email: invitation.email };
	});
}
