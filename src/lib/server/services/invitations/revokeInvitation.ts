import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { Inviter } from './context.ts';
import { canRevoke } from './invitationStatus.ts';
import { lockInvitation, type InvitationChangeRefusal } from './lockInvitation.ts';
import type { InvitationScope, InvitationTable, InvitationTarget } from './scope.ts';

export type RevokeInvitationResult =
	{ ok: true; email: string } | { ok: false; reason: InvitationChangeRefusal };

/** Cancels an invitation that nobody has accepted: its link stops working at once. */
export async function revokeInvitation<Target extends InvitationTarget>(
	scope: InvitationScope<InvitationTable, Target>,
	db: Database,
	inviter: Inviter,
	target: Target,
	invitationId: string,
	now = new Date()
): Promise<RevokeInvitationResult> {
	scope.assertMayManage(inviter.actor, target);
	const table: InvitationTable = scope.table;
	return db.transaction(async (tx): Promise<RevokeInvitationResult> => {
		const locked = await lockInvitation(tx, scope, target, invitationId, canRevoke, now);
		if (!locked.ok) return locked;
		const { invitation } = locked;
		await tx.update(table).set({ revokedAt: now }).where(eq(table.id, invitation.id));
		await recordAuditEvent(tx, {
			actorId: inviter.actor.id,
			action: `${scope.auditAction}.revoked`,
			subjectType: scope.auditSubject,
			subjectId: target.id,
			details: { invitationId: invitation.id, email: invitation.email }
		});
		return { ok: true, email: invitation.email };
	});
}
