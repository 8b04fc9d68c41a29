import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import {
	formatKeyForManualEntry,
	generateTotpKey,
	totpKeyUri,
	totpStep,
	verifyTotpCode
} from './totp.ts';

/** RFC 6238 appendix B: the SHA-1 test key is the ASCII string "12345678901234567890". */
const RFC_KEY = new TextEncoder().encode('12345678901234567890');

describe('verifyTotpCode', () => {
	it('matches the RFC 6238 test vectors (last 6 of the 8 digits)', () => {
		expect(verifyTotpCode(RFC_KEY, '287082', new Date(59_000))).toBe(true);
		expect(verifyTotpCode(RFC_KEY, '081804', new Date(1_111_111_109_000))).toBe(true);
		expect(verifyTotpCode(RFC_KEY, '005924', new Date(1_234_567_890_000))).toBe(true);
	});

	it('accepts the step before and after, and refuses two steps away', () => {
		const key = generateTotpKey();
		const now = new Date('2026-11-02T09:00:15Z');
		const step = totpStep(now);
		const codeAt = (offset: number) => generateHOTP(key, step + BigInt(offset), 6);
		expect(verifyTotpCode(key, codeAt(0), now)).toBe(true);
		expect(verifyTotpCode(key, codeAt(-1), now)).toBe(true);
		expect(verifyTotpCode(key, codeAt(1), now)).toBe(true);
		// Guard against a chance collision between steps making the test meaningless.
		const near = [-1, 0, 1].map(codeAt);
		if (!near.includes(codeAt(-2))) expect(verifyTotpCode(key, codeAt(-2), now)).toBe(false);
		if (!near.includes(codeAt(2))) expect(verifyTotpCode(key, codeAt(2), now)).toBe(false);
	});

	it('tolerates spaces but refuses wrong lengths, letters and another key', () => {
		const key = generateTotpKey();
		const now = new Date();
		const code = generateHOTP(key, totpStep(now), 6);
		expect(verifyTotpCode(key, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(true);
		expect(verifyTotpCode(key, code.slice(0, 5), now)).toBe(false);
		expect(verifyTotpCode(key, `${code}0`, now)).toBe(false);
		expect(verifyTotpCode(key, 'abcdef', now)).toBe(false);
		expect(verifyTotpCode(key, '', now)).toBe(false);
	});

	it('refuses a code made with another key', () => {
		expect(verifyTotpCode(new Uint8Array(20), '287082', new Date(59_000))).toBe(false);
	});
});

describe('enrolment details', () => {
	it('shows the key as grouped base32 that decodes back to the key', () => {
		const key = generateTotpKey();
		const shown = formatKeyForManualEntry(key);
		expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
		expect(decodeBase32IgnorePadding(shown.replaceAll(' ', ''))).toEqual(key);
	});

	it('builds an otpauth address with issuer, 30 s period and 6 digits', () => {
		const uri = new URL(totpKeyUri('sam@example.org', generateTotpKey()));
		expect(uri.protocol).toBe('otpauth:');
		expect(uri.searchParams.get('issuer')).toBe('Coplan');
		expect(uri.searchParams.get('period')).toBe('30');
		expect(uri.searchParams.get('digits')).toBe('6');
	});
});
