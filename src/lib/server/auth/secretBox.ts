import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Secrets stored in the database (the two-factor keys) are sealed with AES-256-GCM under
 * the process's secret key (SECRET_KEY, or the key file in DATA_DIR: see secretKey.ts),
 * so that a copy of the database alone — a backup, a dump — does not give them away.
 *
 * Layout: version (1 byte, 1) · IV (12 bytes) · ciphertext · tag (16 bytes).
 */

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;

/** Set once at start-up by the runtime (runtime.ts), before any request is served. */
let processKey: Uint8Array | undefined;

export class SecretBoxError extends Error {
	override name = 'SecretBoxError';
}

export function setSecretKey(key: Uint8Array): void {
	if (key.length !== SECRET_KEY_BYTES) {
		throw new SecretBoxError(`The secret key must be ${SECRET_KEY_BYTES} bytes`);
	}
	processKey = key;
}

function currentKey(): Uint8Array {
	const key = processKey;
	// Never a made-up key: a secret sealed with one would be lost at the next start.
	if (!key) throw new SecretBoxError('No secret key is set: the runtime sets it at start-up');
	return key;
}

export function sealSecret(plain: Uint8Array, purpose: string, key = currentKey()): Uint8Array {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	// The purpose is authenticated too: a sealed value cannot be moved to another use.
	cipher.setAAD(Buffer.from(purpose, 'utf8'));
	const body = Buffer.concat([cipher.update(plain), cipher.final()]);
	return new Uint8Array(Buffer.concat([Buffer.of(VERSION), iv, body, cipher.getAuthTag()]));
}

export function openSecret(sealed: Uint8Array, purpose: string, key = currentKey()): Uint8Array {
	if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
		throw new SecretBoxError('Not a sealed secret');
	}
	const iv = sealed.subarray(1, 1 + IV_BYTES);
	const body = sealed.subarray(1 + IV_BYTES, sealed.length - TAG_BYTES);
	const tag = sealed.subarray(sealed.length - TAG_BYTES);
	const decipher = createDecipheriv('aes-256-gcm', key, iv);
	decipher.setAAD(Buffer.from(purpose, 'utf8'));
	decipher.setAuthTag(tag);
	try {
		return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
	} catch {
		throw new SecretBoxError('The secret could not be opened: wrong key or altered data');
	}
}

/**
 * An HMAC-SHA256 of `data` under a key derived from the process's secret key for one
 * purpose, so that a value made for one use (say, a device cookie) is worthless for any
 * other, and the sealing key itself is never used for two jobs.
 */
export function macWithSecretKey(data: string, purpose: string, key = currentKey()): Uint8Array {
	const purposeKey = createHmac('sha256', key).update(`coplan mac: ${purpose}`, 'utf8').digest();
	return new Uint8Array(createHmac('sha256', purposeKey).update(data, 'utf8').digest());
}
