import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { isUuid } from '../children/findChild.ts';
import { invitationStatus, type InvitationStatus } from './invitationStatus.ts';
import type { InvitationScope, InvitationTable, InvitationTarget } from './scope.ts';

export type InvitationChangeRefusal = 'notFound' | 'accepted' | 'revoked';

/** Why sending again or cancelling did nothing, for the page's message. */
export const INVITATION_CHANGE_MESSAGES: Record<InvitationChangeRefusal, string> = {
	notFound: 'That invitation could not be found. It may have been removed.',
	accepted: 'That invitation has already been accepted.',
	revoked: 'That invitation has been cancelled.'
};

/**
 * The target's invitation with this id, locked for the rest of the transaction, if its
 * status allows the change (sending again, cancelling); otherwise why not. Another
 * target's invitation is not found.
 */
export async function lockInvitation(
	tx: Database,
	scope: Pick<InvitationScope, 'table' | 'targetColumn'>,
	target: InvitationTarget,
	invitationId: string,
	allows: (status: InvitationStatus) => boolean,
	now: Date
): Promise<
	| { ok: true; invitation: { id: string; email: string; name: string }; status: InvitationStatus }
	| { ok: false; reason: InvitationChangeRefusal }
> {
	if (!isUuid(invitationId)) return { ok: false, reason: 'notFound' };
	const table: InvitationTable = scope.table;
	const [invitation] = await tx
		.select({
			id: table.id,
			email: table.email,
			name: table.name,
			acceptedAt: table.acceptedAt,
			revokedAt: table.revokedAt,
			expiresAt: table.expiresAt
		})
		.from(table)
		.where(and(eq(table.id, invitationId), eq(scope.targetColumn, target.id)))
		.for('update');
	if (!invitation) return { ok: false, reason: 'notFound' };
	const status = invitationStatus(invitation, now);
	if (!allows(status)) {
		return { ok: false, reason: status === 'accepted' ? 'accepted' : 'revoked' };
	}
	return { ok: true, invitation, status };
}
