import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../testing/factories.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { emailTokens } from '../db/schema.ts';
import {
	checkEmailToken,
	consumeEmailToken,
	discardUnusedEmailTokens,
	issueEmailToken
} from './emailTokens.ts';

const MINUTE = 60 * 1000;
let database: TestDatabase;
let userId: string;

beforeAll(async () => {
	database = await createTestDatabase();
	const owner = await createUser(database.db, {
		email: 'token.owner@example.org',
		name: 'Token Owner'
	});
	userId = owner.id;
});

afterAll(async () => {
	await database.close();
});

function issue(lifetimeMs = 15 * MINUTE, now = new Date()) {
	return issueEmailToken(database.db, { userId, purpose: 'sign_in', lifetimeMs, now });
}

describe('emailed tokens', () => {
	it('issues URL-safe random tokens and stores only their SHA-256', async () => {
		const first = await issue();
		const second = await issue();
		expect(first).toMatch(/^[a-z2-7]{32}$/);
		expect(first).not.toBe(second);
		const rows = await database.db.select().from(emailTokens);
		const stored = JSON.stringify(rows);
		expect(stored).not.toContain(first);
		expect(stored).not.toContain(second);
		// SHA-256 of the token's bytes, computed here rather than by the code under test.
		const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
		expect(rows.map((row) => row.tokenHash)).toEqual(
			expect.arrayContaining([sha256(first), sha256(second)])
		);
	});

	it('can be used exactly once', async () => {
		const token = await issue();
		expect(await checkEmailToken(database.db, token, 'sign_in')).toMatchObject({
			status: 'valid',
			userId
		});
		expect(await consumeEmailToken(database.db, token, 'sign_in')).toMatchObject({
			status: 'valid',
			userId
		});
		expect(await consumeEmailToken(database.db, token, 'sign_in')).toEqual({ status: 'used' });
		expect(await checkEmailToken(database.db, token, 'sign_in')).toEqual({ status: 'used' });
	});

	it('lets only one of two simultaneous uses succeed', async () => {
		const token = await issue();
		const results = await Promise.all([
			consumeEmailToken(database.db, token, 'sign_in'),
			consumeEmailToken(database.db, token, 'sign_in')
		]);
		expect(results.map((result) => result.status).sort()).toEqual(['used', 'valid']);
	});

	it('expires at the end of its lifetime', async () => {
		const issuedAt = new Date('2026-11-02T09:00:00Z');
		const token = await issue(15 * MINUTE, issuedAt);
		const justBefore = new Date(issuedAt.getTime() + 15 * MINUTE - 1);
		const atExpiry = new Date(issuedAt.getTime() + 15 * MINUTE);
		expect((await checkEmailToken(database.db, token, 'sign_in', justBefore)).status).toBe('valid');
		expect(await consumeEmailToken(database.db, token, 'sign_in', atExpiry)).toEqual({
			status: 'expired'
		});
	});

	it('does not accept a token for another purpose, an unknown token or a malformed one', async () => {
		const token = await issue();
		expect(await consumeEmailToken(database.db, token, 'password_reset')).toEqual({
			status: 'unknown'
		});
		expect(await checkEmailToken(database.db, 'a'.repeat(32), 'sign_in')).toEqual({
			status: 'unknown'
		});
		expect(await checkEmailToken(database.db, "x' or 1=1 --", 'sign_in')).toEqual({
			status: 'unknown'
		});
		// The wrong-purpose attempt did not use the token up.
		expect((await consumeEmailToken(database.db, token, 'sign_in')).status).toBe('valid');
	});

	it('discards every outstanding token of a user', async () => {
		const signIn = await issue();
		const reset = await issueEmailToken(database.db, {
			userId,
			purpose: 'password_reset',
			lifetimeMs: 60 * MINUTE
		});
		await discardUnusedEmailTokens(database.db, userId);
		expect((await checkEmailToken(database.db, signIn, 'sign_in')).status).toBe('used');
		expect((await checkEmailToken(database.db, reset, 'password_reset')).status).toBe('used');
		const outstanding = await database.db
			.select()
			.from(emailTokens)
			.where(eq(emailTokens.userId, userId));
		expect(outstanding.every((row) => row.usedAt !== null)).toBe(true);
	});
});
