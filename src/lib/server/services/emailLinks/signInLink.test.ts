import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../testing/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { emailTokens, users } from '../../db/schema.ts';
import { createLogger } from '../../logger.ts';
import { createOutboxMailer } from '../../mail/mailer.ts';
import { latestMailTo, tokenMailedTo } from '../../mail/testing/outbox.ts';
import { checkPasswordResetLink, resetPassword } from './passwordReset.ts';
import type { EmailLinkContext } from './requestEmailLink.ts';
import {
	SIGN_IN_LINK_MINUTES,
	checkSignInLink,
	requestSignInLink,
	useSignInLink
} from './signInLink.ts';

let database: TestDatabase;
let context: EmailLinkContext;
let userId: string;

beforeAll(async () => {
	database = await createTestDatabase();
	const logger = createLogger('silent');
	context = {
		db: database.db,
		mailer: createOutboxMailer(database.db, logger),
		origin: 'https://coplan.example.org',
		logger
	};
	const user = await createUser(database.db, {
		email: 'sarah@example.org',
		name: 'Sarah Thompson'
	});
	userId = user.id;
});

afterAll(async () => {
	await database.close();
});

async function mailedToken(now: Date): Promise<string> {
	const request = await requestSignInLink(context, { email: 'sarah@example.org', ip: '1' }, now);
	await request.delivery;
	return tokenMailedTo(database.db, 'sarah@example.org', '/sign-in/link');
}

describe('signing in with an emailed link', () => {
	it('mails a plain sign-in link that works once', async () => {
		const now = new Date();
		const token = await mailedToken(now);
		const mail = await latestMailTo(database.db, 'sarah@example.org');
		expect(mail.subject).toBe('Your Coplan sign-in link');
		expect(mail.text).toContain(`for ${SIGN_IN_LINK_MINUTES} minutes`);

		// Opening the page (as a mail scanner would) does not use the link up.
		expect(await checkSignInLink(database.db, token)).toBe('valid');
		expect(await checkSignInLink(database.db, token)).toBe('valid');
		expect(await useSignInLink(database.db, token)).toEqual({
			ok: true,
			userId,
			twoFactorEnabled: false
		});
		expect(await useSignInLink(database.db, token)).toEqual({ ok: false, reason: 'used' });
		expect(await checkSignInLink(database.db, token)).toBe('used');
	});

	it('stores only the hash of the link', async () => {
		const token = await mailedToken(new Date());
		const stored = JSON.stringify(await database.db.select().from(emailTokens));
		expect(stored).not.toContain(token);
	});

	it('stops working after 15 minutes', async () => {
		const sentAt = new Date('2026-11-02T09:00:00Z');
		const token = await mailedToken(sentAt);
		const expiry = new Date(sentAt.getTime() + SIGN_IN_LINK_MINUTES * 60 * 1000);
		expect(await checkSignInLink(database.db, token, new Date(expiry.getTime() - 1))).toBe('valid');
		expect(await useSignInLink(database.db, token, expiry)).toEqual({
			ok: false,
			reason: 'expired'
		});
	});

	it('is not a password reset link, and unknown tokens are refused', async () => {
		const token = await mailedToken(new Date());
		expect(await checkPasswordResetLink(database.db, token)).toBe('unknown');
		const reset = await resetPassword(context, token, 'a brand new passphrase');
		expect(reset).toEqual({ ok: false, reason: 'unknown' });
		expect(await useSignInLink(database.db, 'x'.repeat(32))).toEqual({
			ok: false,
			reason: 'unknown'
		});
		expect(await checkSignInLink(database.db, token)).toBe('valid');
	});

	it('tells the caller that a second factor is still needed', async () => {
		await database.db
			.update(users)
			.set({ totpKey: new Uint8Array(20).fill(7) })
			.where(eq(users.id, userId));
		const token = await mailedToken(new Date());
		expect(await useSignInLink(database.db, token)).toEqual({
			ok: true,
			userId,
			twoFactorEnabled: true
		});
	});
});
