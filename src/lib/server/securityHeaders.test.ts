import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, HSTS } from './securityHeaders.ts';

describe('applySecurityHeaders', () => {
	it('forbids caching unless the route chose its own policy', () => {
		const page = new Headers();
		applySecurityHeaders(page, { https: false });
		expect(page.get('cache-control')).toBe('no-store');
		const health = new Headers({ 'cache-control': 'private, max-age=5' });
		applySecurityHeaders(health, { https: false });
		expect(health.get('cache-control')).toBe('private, max-age=5');
	});

	it('sends HSTS over https only', () => {
		const plain = new Headers();
		applySecurityHeaders(plain, { https: false });
		expect(plain.has('strict-transport-security')).toBe(false);
		const secure = new Headers();
		applySecurityHeaders(secure, { https: true });
		expect(secure.get('strict-transport-security')).toBe(HSTS);
	});

	it('always refuses framing and sniffing', () => {
		const headers = new Headers({ 'x-frame-options': 'SAMEORIGIN' });
		applySecurityHeaders(headers, { https: false });
		expect(headers.get('x-frame-options')).toBe('DENY');
		expect(headers.get('x-content-type-options')).toBe('nosniff');
	});
});
