import { describe, expect, it } from 'vitest';
import { websocketClientAddress } from './clientAddress.ts';

describe('the address a websocket came from', () => {
	it('is the socket’s own address when Coplan is not behind a proxy', () => {
		const headers = new Headers({ 'x-forwarded-for': '198.51.100.1' });
		expect(websocketClientAddress(headers, '203.0.113.5', {})).toBe('203.0.113.5');
	});

	it('reads the proxy’s header the way adapter-node does', () => {
		const headers = new Headers({ 'x-forwarded-for': '198.51.100.1, 192.0.2.9, 10.0.0.2' });
		const env = { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '2' };
		expect(websocketClientAddress(headers, '10.0.0.1', env)).toBe('192.0.2.9');
		expect(
			websocketClientAddress(new Headers({ 'x-real-ip': ' 192.0.2.4 ' }), '10.0.0.1', {
				ADDRESS_HEADER: 'X-Real-IP'
			})
		).toBe('192.0.2.4');
	});

	it('is unknown, not the proxy’s, when the configured header is missing', () => {
		expect(websocketClientAddress(new Headers(), '10.0.0.1', { ADDRESS_HEADER: 'x-real-ip' })).toBe(
			null
		);
	});
});
