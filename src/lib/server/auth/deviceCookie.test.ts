import { describe, expect, it } from 'vitest';
import { deviceToken, knownDeviceId } from './deviceCookie.ts';

const key = new Uint8Array(32).fill(7);
const otherKey = new Uint8Array(32).fill(8);

describe('known-device tokens', () => {
	it('are recognised for the email they were issued for, with a fresh id per device', () => {
		const first = deviceToken('sam@example.org', key);
		const second = deviceToken('sam@example.org', key);
		const id = knownDeviceId(first, 'sam@example.org', key);
		expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(knownDeviceId(second, 'sam@example.org', key)).not.toBe(id);
	});

	it('are refused for another email, under another key, or when altered', () => {
		const token = deviceToken('sam@example.org', key);
		const [id, signature] = token.split('.') as [string, string];
		expect(knownDeviceId(token, 'alex@example.org', key)).toBeNull();
		expect(knownDeviceId(token, 'sam@example.org', otherKey)).toBeNull();
		expect(knownDeviceId(`${id}x.${signature}`, 'sam@example.org', key)).toBeNull();
		const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`;
		expect(knownDeviceId(`${id}.${flipped}`, 'sam@example.org', key)).toBeNull();
	});

	it('are refused when missing or malformed, without throwing', () => {
		for (const bad of [undefined, '', '.', 'abc', 'a.b.c', 'a.!!!', 'x'.repeat(500)]) {
			expect(knownDeviceId(bad, 'sam@example.org', key)).toBeNull();
		}
	});
});
