import { generateHOTP } from '@oslojs/otp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, createOrganisation, createUser } from '../../testing/factories.ts';
import { auditEvents, users } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createSession, generateSessionToken, validateSessionToken } from '../../auth/session.ts';
import { totpStep } from '../../auth/totp.ts';
import {
	confirmEnrolment,
	disableTwoFactor,
	pendingEnrolmentKey,
	renewRecoveryCodes,
	twoFactorStatus,
	verifySignInSecondFactor
} from './twoFactor.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

const codeFor = (key: Uint8Array, now = new Date()) => generateHOTP(key, totpStep(now), 6);
/** A six-digit code that is not valid for the key at `now` (nor a step either side). */
function wrongCodeFor(key: Uint8Array, now = new Date()): string {
	const valid = new Set(
		[-1, 0, 1].map((offset) => generateHOTP(key, totpStep(now) + BigInt(offset), 6))
	);
	for (let candidate = 0; ; candidate += 1) {
		const code = String(candidate).padStart(6, '0');
		if (!valid.has(code)) return code;
	}
}

async function userWithSession() {
	const user = await createUser(database.db);
	const token = generateSessionToken();
	const session = await createSession(database.db, token, user.id);
	return { userId: user.id, token, sessionId: session.id };
}

async function enrolledUser() {
	const signedIn = await userWithSession();
	const key = await pendingEnrolmentKey(database.db, signedIn.userId);
	// Enrolled two steps ago: each code works once, so the tests' current codes are new.
	const enrolledAt = new Date(Date.now() - 60_000);
	const result = await confirmEnrolment(
		database.db,
		{ userId: signedIn.userId, sessionId: signedIn.sessionId, code: codeFor(key, enrolledAt) },
		enrolledAt
	);
	if (!result.ok) throw new Error(`enrolment failed: ${result.reason}`);
	return { ...signedIn, key, recoveryCodes: result.recoveryCodes };
}

describe('enrolment', () => {
	it('keeps one pending key until it is confirmed', async () => {
		const { userId } = await userWithSession();
		const first = await pendingEnrolmentKey(database.db, userId);
		expect(first).toHaveLength(20);
		// PostgreSQL's driver returns a Buffer (a Uint8Array subclass): compare the bytes.
		expect(new Uint8Array(await pendingEnrolmentKey(database.db, userId))).toEqual(
			new Uint8Array(first)
		);
		expect((await twoFactorStatus(database.db, userId)).enabled).toBe(false);
	});

	it('refuses a wrong code and leaves two-factor off', async () => {
		const { userId, sessionId } = await userWithSession();
		const key = await pendingEnrolmentKey(database.db, userId);
		const result = await confirmEnrolment(database.db, {
			userId,
			sessionId,
			code: wrongCodeFor(key)
		});
		expect(result).toEqual({ ok: false, reason: 'wrong-code' });
		expect((await twoFactorStatus(database.db, userId)).enabled).toBe(false);
	});

	it('turns two-factor on with a right code, keeps this device signed in and gives 10 codes', async () => {
		const { userId, token, recoveryCodes } = await enrolledUser();
		expect(recoveryCodes).toHaveLength(10);
		const [row] = await database.db
			.select({ totpKey: users.totpKey, pendingTotpKey: users.pendingTotpKey })
			.from(users)
			.where(eq(users.id, userId));
		expect(row?.totpKey).not.toBeNull();
		expect(row?.pendingTotpKey).toBeNull();
		expect(await twoFactorStatus(database.db, userId)).toMatchObject({
			enabled: true,
			unusedRecoveryCodes: 10
		});
		expect((await validateSessionToken(database.db, token)).twoFactorPending).toBe(false);
		const audited = await database.db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(eq(auditEvents.subjectId, userId));
		expect(audited.map((event) => event.action)).toContain('user.twoFactorEnabled');
	});

	it("makes the user's other sessions wait for a code", async () => {
		const signedIn = await userWithSession();
		const otherToken = generateSessionToken();
		await createSession(database.db, otherToken, signedIn.userId);
		const key = await pendingEnrolmentKey(database.db, signedIn.userId);
		await confirmEnrolment(database.db, { ...signedIn, code: codeFor(key) });
		expect((await validateSessionToken(database.db, otherToken)).twoFactorPending).toBe(true);
	});
});

describe('the stored keys', () => {
	it('are sealed, so that a copy of the database does not give them away', async () => {
		const { userId, key } = await enrolledUser();
		const [row] = await database.db
			.select({ totpKey: users.totpKey, pendingTotpKey: users.pendingTotpKey })
			.from(users)
			.where(eq(users.id, userId));
		const stored = row?.totpKey ?? new Uint8Array();
		expect(stored.length).toBeGreaterThan(key.length);
		expect(Buffer.from(stored).includes(Buffer.from(key))).toBe(false);
		expect(row?.pendingTotpKey).toBeNull();
	});
});

describe('the second step of signing in', () => {
	it('accepts a code from the app and marks the session verified', async () => {
		const { userId, key } = await enrolledUser();
		const token = generateSessionToken();
		const session = await createSession(database.db, token, userId);
		expect((await validateSessionToken(database.db, token)).twoFactorPending).toBe(true);
		const result = await verifySignInSecondFactor(database.db, {
			userId,
			sessionId: session.id,
			method: 'app',
			code: codeFor(key)
		});
		expect(result).toEqual({ ok: true });
		expect((await validateSessionToken(database.db, token)).twoFactorPending).toBe(false);
	});

	it('accepts each code from the app once, and no older code after it', async () => {
		const { userId, key } = await enrolledUser();
		const now = new Date();
		const previousStep = new Date(now.getTime() - 30_000);
		const attempt = async (code: string) => {
			const { id } = await createSession(database.db, generateSessionToken(), userId);
			return verifySignInSecondFactor(
				database.db,
				{ userId, sessionId: id, method: 'app', code },
				now
			);
		};
		const code = codeFor(key, now);
		expect(await attempt(code)).toEqual({ ok: true });
		expect(await attempt(code)).toEqual({ ok: false, reason: 'wrong-code' });
		// Still inside the drift window, but older than the code just used.
		if (codeFor(key, previousStep) !== code) {
			expect(await attempt(codeFor(key, previousStep))).toEqual({
				ok: false,
				reason: 'wrong-code'
			});
		}
		// The next step's code (a phone clock running ahead) works once.
		expect(await attempt(codeFor(key, new Date(now.getTime() + 30_000)))).toEqual({ ok: true });
	});

	it('lets only one of two sign-ins sent at once with the same code through', async () => {
		const { userId, key } = await enrolledUser();
		const code = codeFor(key);
		const sessions = await Promise.all(
			[1, 2].map(() => createSession(database.db, generateSessionToken(), userId))
		);
		const results = await Promise.all(
			sessions.map(({ id }) =>
				verifySignInSecondFactor(database.db, { userId, sessionId: id, method: 'app', code })
			)
		);
		expect(results.filter((result) => result.ok)).toHaveLength(1);
	});

	it('accepts each recovery code once', async () => {
		const { userId, recoveryCodes } = await enrolledUser();
		const [code] = recoveryCodes;
		if (!code) throw new Error('no recovery code');
		const sessionId = (await createSession(database.db, generateSessionToken(), userId)).id;
		const input = { userId, sessionId, method: 'recovery' as const, code };
		expect(await verifySignInSecondFactor(database.db, input)).toEqual({ ok: true });
		expect(await verifySignInSecondFactor(database.db, input)).toEqual({
			ok: false,
			reason: 'wrong-code'
		});
		expect((await twoFactorStatus(database.db, userId)).unusedRecoveryCodes).toBe(9);
	});

	it('stops checking codes after five wrong ones', async () => {
		const { userId, key } = await enrolledUser();
		const token = generateSessionToken();
		const sessionId = (await createSession(database.db, token, userId)).id;
		const now = new Date();
		const attempt = (code: string) =>
			verifySignInSecondFactor(database.db, { userId, sessionId, method: 'app', code }, now);
		for (let tries = 1; tries <= 4; tries += 1) {
			expect(await attempt(wrongCodeFor(key, now))).toEqual({ ok: false, reason: 'wrong-code' });
		}
		expect(await attempt(wrongCodeFor(key, now))).toEqual({
			ok: false,
			reason: 'limited',
			retryAfterMinutes: 15
		});
		expect(await attempt(codeFor(key, now))).toMatchObject({ ok: false, reason: 'limited' });
		expect((await validateSessionToken(database.db, token)).twoFactorPending).toBe(true);
	});
});

describe('turning two-factor off and new recovery codes', () => {
	it('needs a current code to turn off', async () => {
		const { userId, key } = await enrolledUser();
		expect(await disableTwoFactor(database.db, { userId, code: wrongCodeFor(key) })).toEqual({
			ok: false,
			reason: 'wrong-code'
		});
		expect((await twoFactorStatus(database.db, userId)).enabled).toBe(true);
		expect(await disableTwoFactor(database.db, { userId, code: codeFor(key) })).toEqual({
			ok: true
		});
		expect(await twoFactorStatus(database.db, userId)).toMatchObject({
			enabled: false,
			unusedRecoveryCodes: 0
		});
	});

	it('cannot be turned off while an organisation of the user requires it', async () => {
		const { userId, key } = await enrolledUser();
		const organisation = await createOrganisation(database.db, { requireTwoFactor: true });
		await addMembership(database.db, organisation.id, userId, 'professional');
		expect(await disableTwoFactor(database.db, { userId, code: codeFor(key) })).toEqual({
			ok: false,
			reason: 'required',
			requiredBy: ['Oakfield Primary School']
		});
		expect((await twoFactorStatus(database.db, userId)).enabled).toBe(true);
	});

	it('renews recovery codes with a current code; the old ones stop working', async () => {
		const { userId, key, recoveryCodes } = await enrolledUser();
		const renewed = await renewRecoveryCodes(database.db, { userId, code: codeFor(key) });
		if (!renewed.ok) throw new Error(`renewal failed: ${renewed.reason}`);
		expect(renewed.recoveryCodes).toHaveLength(10);
		const sessionId = (await createSession(database.db, generateSessionToken(), userId)).id;
		const old = recoveryCodes[0] ?? '';
		expect(
			await verifySignInSecondFactor(database.db, {
				userId,
				sessionId,
				method: 'recovery',
				code: old
			})
		).toEqual({ ok: false, reason: 'wrong-code' });
	});
});
