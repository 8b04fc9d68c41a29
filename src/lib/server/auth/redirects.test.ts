import { describe, expect, it } from 'vitest';
import { pathAfterSignIn, safeRedirectTarget } from './redirects.ts';

describe('safeRedirectTarget', () => {
	it.each([
		['/children/42?tab=team', '/children/42?tab=team'],
		['/home', '/home'],
		[null, '/home'],
		['', '/home'],
		['//evil.example/path', '/home'],
		['/\\evil.example', '/home'],
		['https://evil.example', '/home'],
		['javascript:alert(1)', '/home']
	])('%s → %s', (target, expected) => {
		expect(safeRedirectTarget(target)).toBe(expected);
	});
});

describe('pathAfterSignIn', () => {
	it('goes straight to the target without two-factor', () => {
		expect(pathAfterSignIn(false, '/account')).toBe('/account');
	});

	it('goes to the code page first with two-factor, keeping the target', () => {
		expect(pathAfterSignIn(true, '/account/devices')).toBe(
			'/sign-in/two-factor?redirectTo=%2Faccount%2Fdevices'
		);
		expect(pathAfterSignIn(true, null)).toBe('/sign-in/two-factor');
		expect(pathAfterSignIn(true, '//evil.example')).toBe('/sign-in/two-factor');
	});
});
