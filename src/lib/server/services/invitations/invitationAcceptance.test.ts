import { describe, expect, it } from 'vitest';
import { isInvitedAddress } from './invitationAcceptance.ts';

describe('isInvitedAddress', () => {
	it('matches the invited address whatever its case or surrounding spaces', () => {
		expect(isInvitedAddress('Sarah.Thompson@Example.org ', 'sarah.thompson@example.org')).toBe(
			true
		);
	});

	it('does not match another address', () => {
		expect(isInvitedAddress('sarah@example.org', 'sarah.thompson@example.org')).toBe(false);
	});
});
