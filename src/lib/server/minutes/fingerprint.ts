import { createHash } from 'node:crypto';

/**
 * A fingerprint of frozen minutes: SHA-256 of their canonical JSON (object keys sorted,
 * no whitespace), so the same content always gives the same hash whatever order its keys
 * were written in. Printed on every export; anyone can ask Coplan whether a copy matches.
 */

export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
		return JSON.stringify(value) ?? 'null';
	}
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, item]) => item !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function fingerprint(value: unknown): string {
	return sha256Hex(canonicalJson(value));
}

/** "3f2a 9c41 …": the hash in groups of four, easier to read aloud and compare. */
export function formatFingerprint(hash: string): string {
	return hash.match(/.{1,4}/g)?.join(' ') ?? hash;
}
