import { describe, expect, it } from 'vitest';
import {
	INVITATION_LIFETIME_MS,
	canResend,
	canRevoke,
	invitationStatus,
	type InvitationStatus
} from './invitationStatus.ts';

const now = new Date('2026-11-02T09:00:00Z');
const later = new Date(now.getTime() + 1000);
const earlier = new Date(now.getTime() - 1000);

describe('invitationStatus', () => {
	it.each([
		[{ acceptedAt: null, revokedAt: null, expiresAt: later }, 'pending'],
		[{ acceptedAt: null, revokedAt: null, expiresAt: now }, 'expired'],
		[{ acceptedAt: null, revokedAt: null, expiresAt: earlier }, 'expired'],
		[{ acceptedAt: earlier, revokedAt: null, expiresAt: earlier }, 'accepted'],
		[{ acceptedAt: null, revokedAt: earlier, expiresAt: later }, 'revoked'],
		[{ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, 'revoked']
	] as const)('%o is %s', (invitation, status) => {
		expect(invitationStatus(invitation, now)).toBe(status);
	});

	it('gives an invitation 14 days', () => {
		expect(INVITATION_LIFETIME_MS).toBe(14 * 24 * 60 * 60 * 1000);
	});

	it('allows resending and cancelling only what nobody has accepted or cancelled', () => {
		const statuses: InvitationStatus[] = ['pending', 'expired', 'accepted', 'revoked'];
		expect(statuses.map(canResend)).toEqual([true, true, false, false]);
		expect(statuses.map(canRevoke)).toEqual([true, true, false, false]);
	});
});
