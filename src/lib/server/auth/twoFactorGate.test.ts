import { describe, expect, it } from 'vitest';
import { twoFactorSetupRedirect } from './twoFactorGate.ts';

describe('twoFactorSetupRedirect', () => {
	it('lets everything through when set-up is not required', () => {
		expect(twoFactorSetupRedirect('/home', false)).toBeNull();
	});

	it.each(['/home', '/account', '/account/devices', '/children/1', '/account/two-factorx'])(
		'sends %s to set-up when it is required',
		(path) => {
			expect(twoFactorSetupRedirect(path, true)).toBe('/account/two-factor');
		}
	);

	it.each(['/account/two-factor', '/sign-out', '/healthz', '/readyz', '/_app/immutable/x.js'])(
		'keeps %s open during set-up',
		(path) => {
			expect(twoFactorSetupRedirect(path, true)).toBeNull();
		}
	);
});
