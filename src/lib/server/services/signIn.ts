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
/** Five wrong passwords lock an account for a while: guessing stays hopeless, mistakes forgiven. */
export const ACCOUNT_SIGN_IN_LIMIT = { limit: 5, windowMs: FIFTEEN_MINUTES } as const;
/** Wider, for a school or office where many people share one address. */
export const IP_SIGN_IN_LIMIT = { limit: 20, windowMs: FIFTEEN_MINUTES } as const;

/** The same key for known and unknown emails, so the limit itself reveals nothing. */
export function accountSignInKey(email: string): string {
	return `sign-in:account:${normaliseEmail(email)}`;
}

export function ipSignInKey(ip: string): string {
	return `sign-in:ip:${ip}`;
}

export function signInLimits(email: string, ip: string): RateLimit[] {
	return [
		{ key: accountSignInKey(email), ...ACCOUNT_SIGN_IN_LIMIT },
		{ key: ipSignInKey(ip), ...IP_SIGN_IN_LIMIT }
	];
}

export type SignInOutcome =
	| { kind: 'signed-in'; user: PasswordMatch }
	| { kind: 'wrong-credentials' }
	| { kind: 'limited'; retryAfterMinutes: number };

export function tooManySignInAttemptsMessage(minutes: number): string {
	return `Too many attempts to sign in. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/**
 * Checks an email and password under the rate limits. The attempt is counted before the
 * password is checked; once the limit is reached the password is not checked at all.
 * A correct password clears the account's failures and takes back the address's count.
 */
export async function signInWithPassword(
	db: Database,
	input: { email: string; password: string; ip: string },
	now = new Date()
): Promise<SignInOutcome> {
	const attempt = await consumeAll(db, signInLimits(input.email, input.ip), now);
	if (!attempt.allowed) {
		return { kind: 'limited', retryAfterMinutes: minutesToWait(attempt.retryAfterMs) };
	}
	const user = await checkPassword(db, input.email, input.password);
	if (user) {
		await clear(db, accountSignInKey(input.email));
		await refund(db, ...attempt.eventIds);
		return { kind: 'signed-in', user };
	}
	// The attempt that used up the allowance says so at once, rather than on the next try.
	if (attempt.exhausted) {
		return { kind: 'limited', retryAfterMinutes: minutesToWait(attempt.retryAfterMs) };
	}
	return { kind: 'wrong-credentials' };
}
