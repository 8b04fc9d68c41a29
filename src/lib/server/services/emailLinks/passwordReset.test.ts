import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createChildWithTeam,
	createMeeting,
	createToolTokenFor,
	createUser
} from '../../testing/factories.ts';
import { authenticateToolToken } from '../../auth/toolTokens.ts';
import { checkEmailToken } from '../../auth/emailTokens.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { PASSWORD_MESSAGES } from '../../auth/passwordPolicy.ts';
import { createSession, generateSessionToken, validateSessionToken } from '../../auth/session.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, emailTokens, users } from '../../db/schema.ts';
import { createLogger } from '../../logger.ts';
import { createOutboxMailer } from '../../mail/mailer.ts';
import { latestMailTo, tokenMailedTo } from '../../mail/testing/outbox.ts';
import {
	PASSWORD_RESET_MINUTES,
	checkPasswordResetLink,
	requestPasswordReset,
	resetPassword
} from './passwordReset.ts';
import type { EmailLinkContext } from './requestEmailLink.ts';
import { requestSignInLink } from './signInLink.ts';

let database: TestDatabase;
let context: EmailLinkContext;

beforeAll(async () => {
	database = await createTestDatabase();
	const logger = createLogger('silent');
	context = {
		db: database.db,
		mailer: createOutboxMailer(database.db, logger),
		origin: 'https://coplan.example.org',
		logger
	};
});

afterAll(async () => {
	await database.close();
});

const OLD_PASSWORD = 'the old passphrase we had';
const NEW_PASSWORD = 'a completely new passphrase';

async function accountWithOldPassword(email: string): Promise<string> {
	const passwordHash = await hashPassword(OLD_PASSWORD);
	return (await createUser(database.db, { email, name: 'Reset Tester', passwordHash })).id;
}

async function mailedResetToken(email: string, now = new Date()): Promise<string> {
	const request = await requestPasswordReset(context, { email, ip: email }, now);
	await request.delivery;
	return tokenMailedTo(database.db, email, '/reset-password');
}

async function passwordOf(userId: string): Promise<string> {
	const [user] = await database.db
		.select({ passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, userId));
	return user?.passwordHash ?? '';
}

describe('password reset', () => {
	it('sets the new password, signs out every device and uses the link up', async () => {
		const email = 'reset@example.org';
		const userId = await accountWithOldPassword(email);
		const sessionTokens = [generateSessionToken(), generateSessionToken()];
		for (const token of sessionTokens) await createSession(database.db, token, userId);
		const token = await mailedResetToken(email);
		const mail = await latestMailTo(database.db, email);
		expect(mail.subject).toBe('Reset your Coplan password');
		expect(mail.text).toContain('for 1 hour');
		expect(JSON.stringify(await database.db.select().from(emailTokens))).not.toContain(token);

		expect(await checkPasswordResetLink(database.db, token)).toBe('valid');
		expect(await resetPassword(context, token, NEW_PASSWORD)).toEqual({
			ok: true,
			userId,
			twoFactorEnabled: false
		});

		const hash = await passwordOf(userId);
		expect(await verifyPassword(hash, NEW_PASSWORD)).toBe(true);
		expect(await verifyPassword(hash, OLD_PASSWORD)).toBe(false);
		for (const sessionToken of sessionTokens) {
			expect((await validateSessionToken(database.db, sessionToken)).session).toBeNull();
		}
		expect(await checkPasswordResetLink(database.db, token)).toBe('used');
		expect(await resetPassword(context, token, 'yet another passphrase')).toEqual({
			ok: false,
			reason: 'used'
		});
		const changed = await latestMailTo(database.db, email);
		expect(changed.subject).toBe('Your Coplan password has been changed');
		expect(changed.text).toContain('https://coplan.example.org/forgot-password');
		const [event] = await database.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'account.passwordReset'));
		expect(event).toMatchObject({ actorId: userId, subjectType: 'user', subjectId: userId });
	});

	it('cancels every other link still outstanding for the account', async () => {
		const email = 'outstanding@example.org';
		const userId = await accountWithOldPassword(email);
		const signIn = await requestSignInLink(context, { email, ip: email });
		await signIn.delivery;
		const signInToken = await tokenMailedTo(database.db, email, '/sign-in/link');
		const firstReset = await mailedResetToken(email);
		const secondReset = await mailedResetToken(email);
		expect((await resetPassword(context, secondReset, NEW_PASSWORD)).ok).toBe(true);
		expect(await checkPasswordResetLink(database.db, firstReset)).toBe('used');
		expect((await checkEmailToken(database.db, signInToken, 'sign_in')).status).toBe('used');
		expect(await verifyPassword(await passwordOf(userId), NEW_PASSWORD)).toBe(true);
	});

	it('applies the password policy and leaves the link usable after a refusal', async () => {
		const email = 'policy@example.org';
		const userId = await accountWithOldPassword(email);
		const token = await mailedResetToken(email);
		expect(await resetPassword(context, token, 'short')).toEqual({
			ok: false,
			reason: 'password',
			message: PASSWORD_MESSAGES.tooShort
		});
		expect(await resetPassword(context, token, 'qwertyuiop')).toEqual({
			ok: false,
			reason: 'password',
			message: PASSWORD_MESSAGES.common
		});
		expect(await resetPassword(context, token, email)).toEqual({
			ok: false,
			reason: 'password',
			message: PASSWORD_MESSAGES.sameAsEmail
		});
		expect(await verifyPassword(await passwordOf(userId), OLD_PASSWORD)).toBe(true);
		expect(await checkPasswordResetLink(database.db, token)).toBe('valid');
	});

	it('stops working after an hour', async () => {
		const email = 'slow@example.org';
		const userId = await accountWithOldPassword(email);
		const sentAt = new Date('2026-11-02T09:00:00Z');
		const token = await mailedResetToken(email, sentAt);
		const expiry = new Date(sentAt.getTime() + PASSWORD_RESET_MINUTES * 60 * 1000);
		expect(await checkPasswordResetLink(database.db, token, new Date(expiry.getTime() - 1))).toBe(
			'valid'
		);
		expect(await resetPassword(context, token, NEW_PASSWORD, expiry)).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(await verifyPassword(await passwordOf(userId), OLD_PASSWORD)).toBe(true);
	});

	it('answers the same way for an address without an account, and sends nothing', async () => {
		const request = await requestPasswordReset(context, {
			email: 'no.account@example.org',
			ip: '9'
		});
		expect(request.outcome).toBe('noAccount');
		await expect(latestMailTo(database.db, 'no.account@example.org')).rejects.toThrow(/no mail/);
	});

	it('lets only one of two simultaneous resets through', async () => {
		const email = 'race@example.org';
		await accountWithOldPassword(email);
		const token = await mailedResetToken(email);
		const results = await Promise.all([
			resetPassword(context, token, 'first racing passphrase'),
			resetPassword(context, token, 'second racing passphrase')
		]);
		expect(results.filter((result) => result.ok)).toHaveLength(1);
		expect(results.find((result) => !result.ok)).toEqual({ ok: false, reason: 'used' });
	});

	it('revokes every tool token of the person', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const parent = team.member('parent');
		const created = await createToolTokenFor(database.db, team, 'parent', meetingId, false);
		const result = await resetPassword(context, await mailedResetToken(parent.email), NEW_PASSWORD);
		expect(result.ok).toBe(true);
		expect(await authenticateToolToken(database.db, created.secret)).toBeNull();
	});
});
