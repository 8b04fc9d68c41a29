import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app expects them:
 * HMAC-SHA1, 30-second steps, 6 digits. A code from the step before or after the
 * current one is accepted too, for phones whose clocks drift and people who type slowly.
 */

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of the current one that are still accepted. */
export const TOTP_DRIFT_STEPS = 1;
const ISSUER = 'Coplan';

/** A new 160-bit secret, the size RFC 4226 recommends for HMAC-SHA1. */
export function generateTotpKey(): Uint8Array {
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	return key;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpKeyUri(accountName: string, key: Uint8Array): string {
	return createTOTPKeyURI(ISSUER, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The secret for typing in by hand: base32 in groups of four, as apps display it. */
export function formatKeyForManualEntry(key: Uint8Array): string {
	return (encodeBase32UpperCaseNoPadding(key).match(/.{1,4}/g) ?? []).join(' ');
}

/** People type codes with spaces ("123 456") or paste them with stray whitespace. */
export function normaliseCode(code: string): string {
	return code.replace(/[\s-]/g, '');
}

export function totpStep(now: Date): bigint {
	return BigInt(Math.floor(now.getTime() / (TOTP_PERIOD_SECONDS * 1000)));
}

/**
 * The time step the code belongs to (the current one or one either side), or null if it
 * is not a code for this key now. Callers must also refuse a step already used: see
 * useTotpCode, which makes each code work once.
 */
export function matchTotpStep(key: Uint8Array, code: string, now = new Date()): number | null {
	const otp = normaliseCode(code);
	if (!/^\d+$/.test(otp) || otp.length !== TOTP_DIGITS) return null;
	const current = totpStep(now);
	let matched: bigint | null = null;
	// Every candidate step is checked (no early return), so timing says nothing about which matched.
	for (let offset = -TOTP_DRIFT_STEPS; offset <= TOTP_DRIFT_STEPS; offset += 1) {
		const step = current + BigInt(offset);
		if (verifyHOTP(key, step, TOTP_DIGITS, otp)) matched = step;
	}
	return matched === null ? null : Number(matched);
}

export function verifyTotpCode(key: Uint8Array, code: string, now = new Date()): boolean {
	return matchTotpStep(key, code, now) !== null;
}
