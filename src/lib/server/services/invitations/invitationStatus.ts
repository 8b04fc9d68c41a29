/** An invitation's state, worked out from its dates rather than stored. */
export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An invitation link works for 14 days after it was last sent. */
export const INVITATION_LIFETIME_MS = 14 * DAY_MS;

export function invitationStatus(
	invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
	now = new Date()
): InvitationStatus {
	if (invitation.acceptedAt) return 'accepted';
	if (invitation.revokedAt) return 'revoked';
	if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
	return 'pending';
}

/** Can be sent again with a new link: waiting for a reply, or not answered in time. */
export function canResend(status: InvitationStatus): boolean {
	return status === 'pending' || status === 'expired';
}

/** Can be cancelled: nobody has accepted it and it has not been cancelled already. */
export function canRevoke(status: InvitationStatus): boolean {
	return status === 'pending' || status === 'expired';
}
