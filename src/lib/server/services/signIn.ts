import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { clear, consumeAll, minutesToWait, refund, type RateLimit } from '../auth/rateLimit.ts';

/** A hash of a random password, verified against when the email is unknown so that
 * sign-in takes as long for unknown emails as for known ones. */
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
	decoyHash ??= hashPassword(crypto.randomUUID());
	return decoyHash;
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export interface PasswordMatch {
	id: string;
	/** The user has enrolled an authenticator: the session waits for a code. */
	twoFactorEnabled: boolean;
}

/** Returns the user when the email and password match an account; null otherwise. */
export async function checkPassword(
	db: Database,
	email: string,
	password: string
): Promise<PasswordMatch | null> {
	const [user] = await db
		.select({ id: users.id, passwordHash: users.passwordHash, totpKey: users.totpKey })
		.from(users)
		.where(eq(users.email, normaliseEmail(email)));
	if (!user?.passwordHash) {
		await verifyPassword(await decoy(), password);
		return null;
	}
	if (!(await verifyPassword(user.passwordHash, password))) return null;
	return { id: user.id, twoFactorEnabled: user.totpKey !== null };
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/*
 * Brute-force protection that a stranger cannot turn into a lock-out. Wrong passwords
 * are counted per account AND address (one guesser), per address (one guesser trying
 * many accounts), and per account across all addresses (many guessers), but the owner's
 * own device is counted apart: an attempt from a device that signed in to the account
 * before (deviceCookie.ts) is limited only by its own failures. So a stranger's guesses
 * lock out the stranger, and at worst other new devices, never the person whose
 * account it is on the laptop they always use; a new device can still reset the
 * password by email.
 */

/** Five wrong passwords from one address for one account: mistakes forgiven, guessing hopeless. */
export const ACCOUNT_AND_ADDRESS_SIGN_IN_LIMIT = { limit: 5, windowMs: FIFTEEN_MINUTES } as const;
/** Wider, for a school or office where many people share one address. */
export const IP_SIGN_IN_LIMIT = { limit: 20, windowMs: FIFTEEN_MINUTES } as const;
/** For one account from every new device together: caps guessing spread over many addresses. */
export const ACCOUNT_SIGN_IN_LIMIT = { limit: 50, windowMs: FIFTEEN_MINUTES } as const;
/** A device the account has signed in from before, counted alone. */
export const KNOWN_DEVICE_SIGN_IN_LIMIT = { limit: 5, windowMs: FIFTEEN_MINUTES } as const;

/** The same keys for known and unknown emails, so the limits themselves reveal nothing. */
export function accountSignInKey(email: string): string {
	return `sign-in:account:${normaliseEmail(email)}`;
}

function accountAndAddressKey(email: string, ip: string): string {
	return `sign-in:account-ip:${normaliseEmail(email)}|${ip}`;
}

function knownDeviceKey(email: string, deviceId: string): string {
	return `sign-in:account-device:${normaliseEmail(email)}|${deviceId}`;
}

export function ipSignInKey(ip: string): string {
	return `sign-in:ip:${ip}`;
}

/** The limits one attempt counts against: its device's own, or those of any new device. */
export function signInLimits(email: string, ip: string, knownDevice: string | null): RateLimit[] {
	if (knownDevice) {
		return [{ key: knownDeviceKey(email, knownDevice), ...KNOWN_DEVICE_SIGN_IN_LIMIT }];
	}
	return [
		{ key: accountAndAddressKey(email, ip), ...ACCOUNT_AND_ADDRESS_SIGN_IN_LIMIT },
		{ key: ipSignInKey(ip), ...IP_SIGN_IN_LIMIT },
		{ key: accountSignInKey(email), ...ACCOUNT_SIGN_IN_LIMIT }
	];
}

export type SignInOutcome =
	| { kind: 'signed-in'; user: PasswordMatch }
	| { kind: 'wrong-credentials' }
	| { kind: 'limited'; retryAfterMinutes: number };

export function tooManySignInAttemptsMessage(minutes: number): string {
	return `Too many attempts to sign in. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, use a device you have signed in on before, or reset your password by email.`;
}

/**
 * Checks an email and password under the rate limits. The attempt is counted before the
 * password is checked; once the limit is reached the password is not checked at all.
 * A correct password clears this device's (or this address's) failures for the account
 * and takes back the attempt's other counts.
 */
export async function signInWithPassword(
	db: Database,
	input: {
		email: string;
		password: string;
		ip: string;
		/** The device id from a valid known-device cookie for this email (deviceCookie.ts). */
		knownDevice?: string | null;
	},
	now = new Date()
): Promise<SignInOutcome> {
	const limits = signInLimits(input.email, input.ip, input.knownDevice ?? null);
	const attempt = await consumeAll(db, limits, now);
	if (!attempt.allowed) {
		return { kind: 'limited', retryAfterMinutes: minutesToWait(attempt.retryAfterMs) };
	}
	const user = await checkPassword(db, input.email, input.password);
	if (user) {
		// This device's or address's failures are forgiven; strangers' guesses elsewhere are not.
		const [own] = limits;
		if (own) await clear(db, own.key);
		await refund(db, ...attempt.eventIds);
		return { kind: 'signed-in', user };
	}
	// The attempt that used up the allowance says so at once, rather than on the next try.
	if (attempt.exhausted) {
		return { kind: 'limited', retryAfterMinutes: minutesToWait(attempt.retryAfterMs) };
	}
	return { kind: 'wrong-credentials' };
}
