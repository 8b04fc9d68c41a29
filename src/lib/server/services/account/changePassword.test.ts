import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createChildWithTeam,
	createMeeting,
	createToolTokenFor,
	createUser
} from '../../testing/factories.ts';
import { authenticateToolToken } from '../../auth/toolTokens.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { PASSWORD_MESSAGES } from '../../auth/passwordPolicy.ts';
import { createSession, generateSessionToken, validateSessionToken } from '../../auth/session.ts';
import { auditEvents, sessions, users } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { changePassword } from './changePassword.ts';

const OLD_PASSWORD = 'the old sensible passphrase';
const NEW_PASSWORD = 'a brand new sensible passphrase';
let database: TestDatabase;
let oldHash: string;

beforeAll(async () => {
	database = await createTestDatabase();
	oldHash = await hashPassword(OLD_PASSWORD);
});
afterAll(async () => {
	await database.close();
});

async function userWithSessions(count: number, passwordHash: string | null = oldHash) {
	const user = await createUser(database.db, { passwordHash });
	const tokens = [];
	for (let index = 0; index < count; index += 1) {
		const token = generateSessionToken();
		await createSession(database.db, token, user.id);
		tokens.push(token);
	}
	return { userId: user.id, tokens };
}

const change = (userId: string, currentPassword: string | null, newPassword = NEW_PASSWORD) =>
	changePassword(database.db, {
		userId,
		currentPassword,
		newPassword,
		userAgent: 'Test browser',
		twoFactorVerified: false
	});

async function storedHash(userId: string): Promise<string> {
	const [row] = await database.db
		.select({ passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, userId));
	return row?.passwordHash ?? '';
}

describe('changePassword', () => {
	it('signs out every session and opens a new one for this device', async () => {
		const { userId, tokens } = await userWithSessions(3);
		const result = await change(userId, OLD_PASSWORD);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		for (const token of tokens) {
			expect((await validateSessionToken(database.db, token)).session).toBeNull();
		}
		const fresh = await validateSessionToken(database.db, result.token);
		expect(fresh.user?.id).toBe(userId);
		const remaining = await database.db
			.select({ id: sessions.id })
			.from(sessions)
			.where(eq(sessions.userId, userId));
		expect(remaining).toEqual([{ id: result.session.id }]);
		expect(await verifyPassword(await storedHash(userId), NEW_PASSWORD)).toBe(true);
	});

	it('keeps the new session verified when this device had given its second factor', async () => {
		const { userId } = await userWithSessions(1);
		await database.db
			.update(users)
			.set({ totpKey: new Uint8Array(20).fill(3) })
			.where(eq(users.id, userId));
		const result = await changePassword(database.db, {
			userId,
			currentPassword: OLD_PASSWORD,
			newPassword: NEW_PASSWORD,
			userAgent: null,
			twoFactorVerified: true
		});
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect((await validateSessionToken(database.db, result.token)).twoFactorPending).toBe(false);
	});

	it('refuses a wrong current password and changes nothing', async () => {
		const { userId, tokens } = await userWithSessions(2);
		expect(await change(userId, 'not my password')).toEqual({
			ok: false,
			errors: { currentPassword: 'Your current password is not right' }
		});
		expect(await storedHash(userId)).toBe(oldHash);
		for (const token of tokens) {
			expect((await validateSessionToken(database.db, token)).session).not.toBeNull();
		}
	});

	it('applies the password policy, including the account email', async () => {
		const { userId } = await userWithSessions(1);
		expect(await change(userId, OLD_PASSWORD, 'password1')).toEqual({
			ok: false,
			errors: { newPassword: PASSWORD_MESSAGES.common }
		});
		expect(await change(userId, OLD_PASSWORD, 'short')).toEqual({
			ok: false,
			errors: { newPassword: PASSWORD_MESSAGES.tooShort }
		});
		expect(await storedHash(userId)).toBe(oldHash);
	});

	it('limits guesses at the current password', async () => {
		const { userId } = await userWithSessions(1);
		for (let attempt = 1; attempt <= 5; attempt += 1) await change(userId, 'guess');
		const result = await change(userId, OLD_PASSWORD);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.currentPassword).toMatch(/^Too many attempts/);
		expect(await storedHash(userId)).toBe(oldHash);
	});

	it('lets an account without a password set its first one', async () => {
		const { userId } = await userWithSessions(1, null);
		const result = await change(userId, null);
		expect(result.ok).toBe(true);
		expect(await verifyPassword(await storedHash(userId), NEW_PASSWORD)).toBe(true);
	});

	it('revokes every tool token of the person, audited', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const parent = team.member('parent');
		const created = await createToolTokenFor(database.db, team, 'parent', meetingId, true);
		const result = await change(parent.id, null);
		expect(result.ok).toBe(true);
		expect(await authenticateToolToken(database.db, created.secret)).toBeNull();
		const [audit] = await database.db
			.select({ details: auditEvents.details })
			.from(auditEvents)
			.where(
				and(eq(auditEvents.action, 'toolToken.revoked'), eq(auditEvents.subjectId, meetingId))
			);
		expect(audit?.details).toMatchObject({ tokenId: created.id, reason: 'password-changed' });
	});
});
