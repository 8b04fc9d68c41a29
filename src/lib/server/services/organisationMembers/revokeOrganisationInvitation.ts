import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organisationInvitations } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { isUuid } from '../children/findChild.ts';
import { canRevoke, invitationStatus } from '../invitations/invitationStatus.ts';
import { assertMayManageMembers, type ManagedOrganisation, type MemberManager } from './context.ts';

export type RevokeOrganisationInvitationResult =
	{ ok: true; email: string } | { ok: false; reason: 'notFound' | 'accepted' | 'revoked' };

/** Cancels an invitation that nobody has accepted: its link stops working at once. */
export async function revokeOrganisationInvitation(
	db: Database,
	manager: MemberManager,
	organisation: ManagedOrganisation,
	invitationId: string,
	now = new Date()
): Promise<RevokeOrganisationInvitationResult> {
	assertMayManageMembers(manager.actor, organisation.id);
	if (!isUuid(invitationId)) return { ok: false, reason: 'notFound' };
	return db.transaction(async (tx) => {
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
		if (!canRevoke(status)) {
			return { ok: false, reason: status === 'accepted' ? 'accepted' : 'revoked' };
		}
		await tx
			.update(organisationInvitations)
			.set({ revokedAt: now })
			.where(eq(organisationInvitations.id, invitation.id));
		await recordAuditEvent(tx, {
			actorId: manager.actor.id,
			action: 'organisationInvitation.revoked',
			subjectType: 'organisation',
			subjectId: organisation.id,
			details: { invitationId: invitation.id, email: invitation.email }
		});
		return { ok: true, email: invitation.email };
	});
}
