import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, createOrganisation, createUser } from '../testing/factories.ts';
import { organisations, sessions } from '../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import {
	authenticateCookieHeader,
	createSession,
	generateSessionToken,
	invalidateAllSessions,
	invalidateOtherSessions,
	markSessionTwoFactorVerified,
	SESSION_COOKIE,
	SESSION_LIFETIME_MS,
	sessionIdFromToken,
	sessionTokenFromCookieHeader,
	validateSessionToken
} from './session.ts';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-11-02T09:00:00Z');
const at = (ms: number) => new Date(START.getTime() + ms);

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

async function storedSession(token: string) {
	const [row] = await database.db
		.select()
		.from(sessions)
		.where(eq(sessions.id, sessionIdFromToken(token)));
	return row;
}

async function signedInUser(now = START) {
	const { id: userId } = await createUser(database.db);
	const token = generateSessionToken();
	await createSession(database.db, token, userId, 'Test browser', now);
	return { userId, token };
}

describe('session tokens', () => {
	it('are 32 characters of lower-case base32 (20 random bytes), never repeated', () => {
		const tokens = Array.from({ length: 200 }, generateSessionToken);
		for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(new Set(tokens).size).toBe(tokens.length);
	});

	it('are stored only as their SHA-256, in lower-case hex', async () => {
		const { token } = await signedInUser();
		const id = sessionIdFromToken(token);
		expect(id).toMatch(/^[0-9a-f]{64}$/);
		expect(id).toBe(createHash('sha256').update(token).digest('hex'));
		const row = await storedSession(token);
		expect(row?.id).toBe(id);
		expect(JSON.stringify(row)).not.toContain(token);
	});
});

describe('validateSessionToken', () => {
	it('finds the user of a fresh session, expiring in 30 days', async () => {
		const { userId, token } = await signedInUser();
		const result = await validateSessionToken(database.db, token, at(1000));
		expect(result.user?.id).toBe(userId);
		expect(result.session?.expiresAt.getTime()).toBe(START.getTime() + SESSION_LIFETIME_MS);
		expect(result).toMatchObject({ renewed: false, twoFactorPending: false });
	});

	it('rejects a token with one character changed, and one of the wrong shape', async () => {
		const { token } = await signedInUser();
		const last = token.at(-1) === 'a' ? 'b' : 'a';
		const tampered = token.slice(0, -1) + last;
		expect((await validateSessionToken(database.db, tampered, at(1000))).session).toBeNull();
		expect((await validateSessionToken(database.db, token.toUpperCase(), at(1000))).user).toBe(
			null
		);
		expect((await validateSessionToken(database.db, `${token}x`, at(1000))).user).toBeNull();
		// The real session is untouched by the attempts.
		expect((await validateSessionToken(database.db, token, at(1000))).user).not.toBeNull();
	});

	it('deletes an expired session and treats it as signed out', async () => {
		const { token } = await signedInUser();
		const result = await validateSessionToken(database.db, token, at(SESSION_LIFETIME_MS));
		expect(result.session).toBeNull();
		expect(await storedSession(token)).toBeUndefined();
	});

	it('does not renew a session with more than 15 days left', async () => {
		const { token } = await signedInUser();
		const result = await validateSessionToken(database.db, token, at(14 * DAY));
		expect(result.renewed).toBe(false);
		expect((await storedSession(token))?.expiresAt.getTime()).toBe(
			START.getTime() + SESSION_LIFETIME_MS
		);
	});

	it('renews a session to a full 30 days once fewer than 15 remain', async () => {
		const { token } = await signedInUser();
		const now = at(15 * DAY + 1);
		const result = await validateSessionToken(database.db, token, now);
		expect(result.renewed).toBe(true);
		expect(result.session?.expiresAt.getTime()).toBe(now.getTime() + SESSION_LIFETIME_MS);
		expect((await storedSession(token))?.expiresAt.getTime()).toBe(
			now.getTime() + SESSION_LIFETIME_MS
		);
	});

	it('refreshes last seen at most once a minute', async () => {
		const { token } = await signedInUser();
		await validateSessionToken(database.db, token, at(30_000));
		expect((await storedSession(token))?.lastSeenAt.getTime()).toBe(START.getTime());
		await validateSessionToken(database.db, token, at(60_000));
		expect((await storedSession(token))?.lastSeenAt.getTime()).toBe(START.getTime() + 60_000);
	});
});

describe('two-factor state', () => {
	it('is pending for an enrolled user until the session is verified', async () => {
		const { id: userId } = await createUser(database.db, { totpKey: new Uint8Array(20).fill(7) });
		const token = generateSessionToken();
		const session = await createSession(database.db, token, userId, null, START);
		expect(await validateSessionToken(database.db, token, at(1000))).toMatchObject({
			twoFactorPending: true,
			twoFactorSetupRequired: false
		});
		await markSessionTwoFactorVerified(database.db, session.id);
		expect(await validateSessionToken(database.db, token, at(2000))).toMatchObject({
			twoFactorPending: false
		});
	});

	it('asks for set-up when an organisation of the user requires two-factor', async () => {
		const { userId, token } = await signedInUser();
		const organisation = await createOrganisation(database.db, {
			name: 'Oakfield',
			requireTwoFactor: false
		});
		await addMembership(database.db, organisation.id, userId, 'professional');
		const before = await validateSessionToken(database.db, token, at(1000));
		expect(before.twoFactorSetupRequired).toBe(false);
		await database.db
			.update(organisations)
			.set({ requireTwoFactor: true })
			.where(eq(organisations.id, organisation.id));
		const after = await validateSessionToken(database.db, token, at(2000));
		expect(after).toMatchObject({ twoFactorSetupRequired: true, twoFactorPending: false });
	});
});

describe('authenticateCookieHeader (the websocket upgrade)', () => {
	it('reads the session cookie among others', () => {
		expect(sessionTokenFromCookieHeader(`a=1; ${SESSION_COOKIE}=abc; b=2`)).toBe('abc');
		expect(sessionTokenFromCookieHeader('a=1')).toBeNull();
		expect(sessionTokenFromCookieHeader(undefined)).toBeNull();
	});

	it('accepts a signed-in session and refuses a missing one', async () => {
		const { userId, token } = await signedInUser(new Date());
		const header = `${SESSION_COOKIE}=${token}`;
		expect((await authenticateCookieHeader(database.db, header)).user?.id).toBe(userId);
		expect((await authenticateCookieHeader(database.db, 'other=1')).user).toBeNull();
	});

	it('refuses a session still waiting for its second factor', async () => {
		const { id: userId } = await createUser(database.db, { totpKey: new Uint8Array(20).fill(9) });
		const token = generateSessionToken();
		const session = await createSession(database.db, token, userId);
		const header = `${SESSION_COOKIE}=${token}`;
		expect(await authenticateCookieHeader(database.db, header)).toMatchObject({
			user: null,
			session: null
		});
		await markSessionTwoFactorVerified(database.db, session.id);
		expect((await authenticateCookieHeader(database.db, header)).user?.id).toBe(userId);
	});
});

describe('signing out', () => {
	it('invalidateOtherSessions keeps only the current device', async () => {
		const { userId, token } = await signedInUser();
		const other = generateSessionToken();
		await createSession(database.db, other, userId, null, START);
		await invalidateOtherSessions(database.db, userId, sessionIdFromToken(token));
		expect(await storedSession(token)).toBeDefined();
		expect(await storedSession(other)).toBeUndefined();
	});

	it('invalidateAllSessions signs the user out everywhere, and nobody else', async () => {
		const { userId, token } = await signedInUser();
		const bystander = await signedInUser();
		await invalidateAllSessions(database.db, userId);
		expect(await storedSession(token)).toBeUndefined();
		expect(await storedSession(bystander.token)).toBeDefined();
	});
});
