import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { memberships, organisations, users } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { clear, consume, minutesToWait } from '../../auth/rateLimit.ts';
import {
	countUnusedRecoveryCodes,
	deleteRecoveryCodes,
	replaceRecoveryCodes,
	useRecoveryCode
} from '../../auth/recoveryCodes.ts';
import { markSessionTwoFactorVerified } from '../../auth/session.ts';
import { openSecret, sealSecret } from '../../auth/secretBox.ts';
import { generateTotpKey, matchTotpStep } from '../../auth/totp.ts';

/**
 * Two-factor authentication for one user: enrolment (a pending key confirmed with a code),
 * turning it off, new recovery codes, and the code asked for at sign-in. Every code
 * attempt counts against one limit per user, whichever page it comes from.
 */

/** Five wrong codes in 15 minutes: a six-digit code cannot be guessed at that rate. */
export const TWO_FACTOR_CODE_LIMIT = { limit: 5, windowMs: 15 * 60 * 1000 } as const;

export function twoFactorCodeKey(userId: string): string {
	return `two-factor:user:${userId}`;
}

export type CodeCheck =
	| { ok: true }
	| { ok: false; reason: 'wrong-code' }
	| { ok: false; reason: 'limited'; retryAfterMinutes: number };

export function tooManyCodesMessage(minutes: number): string {
	return `Too many codes tried. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** Runs one code check under the user's limit; a right code clears their failures. */
async function checkUnderLimit(
	db: Database,
	userId: string,
	check: () => boolean | Promise<boolean>,
	now: Date
): Promise<CodeCheck> {
	const attempt = await consume(
		db,
		{ key: twoFactorCodeKey(userId), ...TWO_FACTOR_CODE_LIMIT },
		now
	);
	if (!attempt.allowed) {
		return { ok: false, reason: 'limited', retryAfterMinutes: minutesToWait(attempt.retryAfterMs) };
	}
	if (await check()) {
		await clear(db, twoFactorCodeKey(userId));
		return { ok: true };
	}
	if (attempt.remaining === 0) {
		return { ok: false, reason: 'limited', retryAfterMinutes: minutesToWait(attempt.retryAfterMs) };
	}
	return { ok: false, reason: 'wrong-code' };
}

/** The two-factor keys are stored sealed (see secretBox.ts): only this module opens them. */
const TOTP_PURPOSE = 'totp';
const openKey = (sealed: Uint8Array | null) => (sealed ? openSecret(sealed, TOTP_PURPOSE) : null);

async function keysOf(db: Database, userId: string) {
	const [row] = await db
		.select({ totpKey: users.totpKey, pendingTotpKey: users.pendingTotpKey })
		.from(users)
		.where(eq(users.id, userId));
	if (!row) throw new Error('The user does not exist.');
	return { totpKey: openKey(row.totpKey), pendingTotpKey: openKey(row.pendingTotpKey) };
}

/**
 * Accepts a code from the app once: its time step is claimed in the same statement that
 * checks it is newer than the last one used, so a code seen over someone's shoulder, or
 * sent twice at once, does not work a second time.
 */
async function useTotpCode(
	db: Database,
	userId: string,
	key: Uint8Array,
	code: string,
	now: Date
): Promise<boolean> {
	const step = matchTotpStep(key, code, now);
	if (step === null) return false;
	const claimed = await db
		.update(users)
		.set({ totpLastStep: step })
		.where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
		.returning({ id: users.id });
	return claimed.length > 0;
}

async function audit(db: Database, userId: string, action: string): Promise<void> {
	await recordAuditEvent(db, { actorId: userId, action, subjectType: 'user', subjectId: userId });
}

/** Names of the user's organisations that require two-factor authentication. */
export async function organisationsRequiringTwoFactor(
	db: Database,
	userId: string
): Promise<string[]> {
	const rows = await db
		.select({ name: organisations.name })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(and(eq(memberships.userId, userId), eq(organisations.requireTwoFactor, true)))
		.orderBy(organisations.name);
	return rows.map((row) => row.name);
}

export interface TwoFactorStatus {
	enabled: boolean;
	unusedRecoveryCodes: number;
	requiredBy: string[];
}

export async function twoFactorStatus(db: Database, userId: string): Promise<TwoFactorStatus> {
	const [keys, unusedRecoveryCodes, requiredBy] = await Promise.all([
		keysOf(db, userId),
		countUnusedRecoveryCodes(db, userId),
		organisationsRequiringTwoFactor(db, userId)
	]);
	return { enabled: keys.totpKey !== null, unusedRecoveryCodes, requiredBy };
}

/**
 * The key being enrolled: the one already waiting, or a new one. Reusing it means a
 * second tab, or a reload, shows the same QR code as the first.
 */
export async function pendingEnrolmentKey(db: Database, userId: string): Promise<Uint8Array> {
	const { pendingTotpKey } = await keysOf(db, userId);
	if (pendingTotpKey) return pendingTotpKey;
	const key = generateTotpKey();
	await db
		.update(users)
		.set({ pendingTotpKey: sealSecret(key, TOTP_PURPOSE) })
		.where(eq(users.id, userId));
	return key;
}

export type EnrolmentResult =
	| { ok: true; recoveryCodes: string[] }
	| Exclude<CodeCheck, { ok: true }>
	| { ok: false; reason: 'already-enabled' }
	| { ok: false; reason: 'no-pending-key' };

/**
 * Confirms enrolment with a code from the app. The current session counts as verified
 * (the person has just proved they hold the key); the user's other sessions now wait
 * for a code, as Lucia's design has it.
 */
export async function confirmEnrolment(
	db: Database,
	input: { userId: string; sessionId: string; code: string },
	now = new Date()
): Promise<EnrolmentResult> {
	const { totpKey, pendingTotpKey } = await keysOf(db, input.userId);
	if (totpKey) return { ok: false, reason: 'already-enabled' };
	if (!pendingTotpKey) return { ok: false, reason: 'no-pending-key' };
	const check = await checkUnderLimit(
		db,
		input.userId,
		() => useTotpCode(db, input.userId, pendingTotpKey, input.code, now),
		now
	);
	if (!check.ok) return check;
	const recoveryCodes = await replaceRecoveryCodes(db, input.userId);
	await markSessionTwoFactorVerified(db, input.sessionId);
	await db
		.update(users)
		.set({ totpKey: sealSecret(pendingTotpKey, TOTP_PURPOSE), pendingTotpKey: null })
		.where(eq(users.id, input.userId));
	await audit(db, input.userId, 'user.twoFactorEnabled');
	return { ok: true, recoveryCodes };
}

export type DisableResult =
	| CodeCheck
	| { ok: false; reason: 'not-enabled' }
	| { ok: false; reason: 'required'; requiredBy: string[] };

/** Turns two-factor off, given a current code; not while an organisation requires it. */
export async function disableTwoFactor(
	db: Database,
	input: { userId: string; code: string },
	now = new Date()
): Promise<DisableResult> {
	const { totpKey } = await keysOf(db, input.userId);
	if (!totpKey) return { ok: false, reason: 'not-enabled' };
	const requiredBy = await organisationsRequiringTwoFactor(db, input.userId);
	if (requiredBy.length > 0) return { ok: false, reason: 'required', requiredBy };
	const check = await checkUnderLimit(
		db,
		input.userId,
		() => useTotpCode(db, input.userId, totpKey, input.code, now),
		now
	);
	if (!check.ok) return check;
	await db
		.update(users)
		.set({ totpKey: null, pendingTotpKey: null, totpLastStep: null })
		.where(eq(users.id, input.userId));
	await deleteRecoveryCodes(db, input.userId);
	await audit(db, input.userId, 'user.twoFactorDisabled');
	return { ok: true };
}

/** A fresh set of recovery codes (the old ones stop working), given a current code. */
export async function renewRecoveryCodes(
	db: Database,
	input: { userId: string; code: string },
	now = new Date()
): Promise<
	| { ok: true; recoveryCodes: string[] }
	| Exclude<CodeCheck, { ok: true }>
	| { ok: false; reason: 'not-enabled' }
> {
	const { totpKey } = await keysOf(db, input.userId);
	if (!totpKey) return { ok: false, reason: 'not-enabled' };
	const check = await checkUnderLimit(
		db,
		input.userId,
		() => useTotpCode(db, input.userId, totpKey, input.code, now),
		now
	);
	if (!check.ok) return check;
	const recoveryCodes = await replaceRecoveryCodes(db, input.userId);
	await audit(db, input.userId, 'user.recoveryCodesRenewed');
	return { ok: true, recoveryCodes };
}

/**
 * The second step of signing in: a code from the app, or one of the recovery codes
 * (used up). On success the session becomes a signed-in one.
 */
export async function verifySignInSecondFactor(
	db: Database,
	input: { userId: string; sessionId: string; method: 'app' | 'recovery'; code: string },
	now = new Date()
): Promise<CodeCheck> {
	const { totpKey } = await keysOf(db, input.userId);
	if (!totpKey) return { ok: false, reason: 'wrong-code' };
	const check = await checkUnderLimit(
		db,
		input.userId,
		() =>
			input.method === 'app'
				? useTotpCode(db, input.userId, totpKey, input.code, now)
				: useRecoveryCode(db, input.userId, input.code, now),
		now
	);
	if (check.ok) await markSessionTwoFactorVerified(db, input.sessionId);
	return check;
}
