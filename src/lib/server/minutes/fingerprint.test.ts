import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint, formatFingerprint, sha256Hex } from './fingerprint.ts';
import { buildMinutes, buildRestrictedMinutes } from './minutesModel.ts';
import { sampleMeeting } from './testing/sampleMeeting.ts';

/**
 * The fingerprint printed on exports claims to be "SHA-256 of the canonical JSON": these
 * tests hold it to published SHA-256 values and to a digest computed without Coplan's code.
 */

/** Canonical JSON made another way: JSON.stringify with every object's keys sorted. */
function independentCanonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, item: unknown) =>
		item !== null && typeof item === 'object' && !Array.isArray(item)
			? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: item
	);
}

const nodeSha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('sha256Hex', () => {
	it.each([
		['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
		['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
		[
			'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
			'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
		]
	])('gives the published SHA-256 of %j', (text, digest) => {
		expect(sha256Hex(text)).toBe(digest);
	});

	it('hashes the UTF-8 bytes of text beyond ASCII', () => {
		const text = 'Zoë’s review 👩‍👧';
		expect(sha256Hex(text)).toBe(nodeSha256(Buffer.from(text, 'utf8')));
		expect(Buffer.from(text, 'utf8')).toHaveLength(27);
	});
});

describe('fingerprints', () => {
	it('do not depend on the order keys were written in', () => {
		expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: undefined } })).toBe(
			'{"a":[true,null,"x"],"b":1,"c":{"z":1}}'
		);
		expect(fingerprint({ a: 1, b: 2 })).toBe(fingerprint({ b: 2, a: 1 }));
		expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
		expect(formatFingerprint('0123456789abcdef')).toBe('0123 4567 89ab cdef');
	});

	it('of a small value is the SHA-256 of exactly its canonical JSON bytes', () => {
		// printf '%s' '{"a":[true,null,"x"],"b":1}' | sha256sum
		expect(fingerprint({ b: 1, a: [true, null, 'x'] })).toBe(
			'54a65415ad370228851a1da4b31b6fd42dc58b19a50d35cae759325f7388ce64'
		);
	});

	it('of real minutes is the SHA-256 of their canonical JSON, computed independently', () => {
		const { doc, restrictedDoc, casework } = sampleMeeting();
		const minutes = buildMinutes(doc, casework);
		const restricted = buildRestrictedMinutes(restrictedDoc);
		for (const value of [minutes, restricted]) {
			const bytes = Buffer.from(independentCanonicalJson(value), 'utf8');
			expect(bytes.length).toBeGreaterThan(100);
			expect(fingerprint(value)).toBe(nodeSha256(bytes));
			// Stored as JSON and read back, the minutes give the same fingerprint.
			expect(fingerprint(JSON.parse(JSON.stringify(value)))).toBe(nodeSha256(bytes));
		}
	});
});
