import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret, SecretBoxError } from './secretBox.ts';

const key = new Uint8Array(randomBytes(32));
const totpKey = new Uint8Array(randomBytes(20));

describe('sealed secrets', () => {
	it('open with the same key and purpose, and never hold the secret in the clear', () => {
		const sealed = sealSecret(totpKey, 'totp', key);
		expect(Buffer.from(sealed).includes(Buffer.from(totpKey))).toBe(false);
		expect(openSecret(sealed, 'totp', key)).toEqual(totpKey);
	});

	it('differ each time the same secret is sealed', () => {
		expect(sealSecret(totpKey, 'totp', key)).not.toEqual(sealSecret(totpKey, 'totp', key));
	});

	it.each([
		['another key', (sealed: Uint8Array) => openSecret(sealed, 'totp', new Uint8Array(32))],
		['another purpose', (sealed: Uint8Array) => openSecret(sealed, 'recovery', key)],
		[
			'an altered byte',
			(sealed: Uint8Array) => {
				const altered = sealed.slice();
				altered[20] = (altered[20] ?? 0) ^ 1;
				return openSecret(altered, 'totp', key);
			}
		],
		['something never sealed', () => openSecret(totpKey, 'totp', key)]
	])('refuse to open with %s', (_case, open) => {
		expect(() => open(sealSecret(totpKey, 'totp', key))).toThrow(SecretBoxError);
	});
});
