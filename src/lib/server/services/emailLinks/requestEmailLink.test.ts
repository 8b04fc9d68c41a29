import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../testing/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { devOutbox, emailTokens } from '../../db/schema.ts';
import { createLogger } from '../../logger.ts';
import { createOutboxMailer, createSmtpMailer } from '../../mail/mailer.ts';
import { startSmtpTestServer, type SmtpTestServer } from '../../mail/testing/smtpTestServer.ts';
import {
	EMAIL_LINKS_PER_ADDRESS,
	EMAIL_LINKS_PER_IP,
	requestEmailLink,
	type EmailLinkContext,
	type EmailLinkKind
} from './requestEmailLink.ts';

let database: TestDatabase;
let smtp: SmtpTestServer;
let context: EmailLinkContext;

beforeAll(async () => {
	database = await createTestDatabase();
	smtp = await startSmtpTestServer({ refuseRecipients: ['refused@example.org'] });
	const logger = createLogger('silent');
	context = {
		db: database.db,
		mailer: createOutboxMailer(database.db, logger),
		origin: 'https://coplan.example.org',
		logger
	};
	for (const [email, name] of [
		['known@example.org', 'Known Person'],
		['limited@example.org', 'Limited Person'],
		['refused@example.org', 'Refused Person']
	] as const) {
		await createUser(database.db, { email, name });
	}
});

afterAll(async () => {
	await smtp.stop();
	await database.close();
});

const kind: EmailLinkKind = {
	purpose: 'sign_in',
	lifetimeMs: 15 * 60 * 1000,
	path: '/sign-in/link',
	content: (link) => ({ subject: 'Your link', text: `Here: ${link}` })
};

async function outboxTo(to: string) {
	return (await database.db.select().from(devOutbox)).filter((mail) => mail.to === to);
}

describe('requestEmailLink', () => {
	it('emails a link to an account, matching the address whatever its case', async () => {
		const result = await requestEmailLink(context, kind, { email: ' Known@Example.ORG ', ip: '1' });
		expect(result.outcome).toBe('sent');
		await result.delivery;
		const [mail] = await outboxTo('known@example.org');
		expect(mail?.text).toMatch(
			/^Here: https:\/\/coplan\.example\.org\/sign-in\/link\/[a-z2-7]{32}$/
		);
	});

	it('sends nothing, and stores nothing, for an address without an account', async () => {
		const tokensBefore = (await database.db.select().from(emailTokens)).length;
		const result = await requestEmailLink(context, kind, { email: 'nobody@example.org', ip: '2' });
		expect(result.outcome).toBe('noAccount');
		await result.delivery;
		expect(await outboxTo('nobody@example.org')).toEqual([]);
		expect(await database.db.select().from(emailTokens)).toHaveLength(tokensBefore);
	});

	it('stops sending after 5 requests an hour for one address, known or not', async () => {
		const now = new Date('2026-11-02T09:00:00Z');
		for (const email of ['limited@example.org', 'unknown-limited@example.org']) {
			const outcomes: string[] = [];
			for (let attempt = 0; attempt < EMAIL_LINKS_PER_ADDRESS.limit + 1; attempt += 1) {
				const result = await requestEmailLink(context, kind, { email, ip: `ip-${email}` }, now);
				await result.delivery;
				outcomes.push(result.outcome);
			}
			expect(outcomes.at(-1)).toBe('rateLimited');
			expect(outcomes.filter((outcome) => outcome === 'rateLimited')).toHaveLength(1);
		}
		expect(await outboxTo('limited@example.org')).toHaveLength(EMAIL_LINKS_PER_ADDRESS.limit);
		const anHourLater = new Date(now.getTime() + EMAIL_LINKS_PER_ADDRESS.windowMs + 1);
		const later = await requestEmailLink(
			context,
			kind,
			{ email: 'limited@example.org', ip: 'ip-limited@example.org' },
			anHourLater
		);
		expect(later.outcome).toBe('sent');
	});

	it('limits one network address asking for many addresses', async () => {
		const now = new Date('2026-11-02T09:00:00Z');
		const outcomes: string[] = [];
		for (let attempt = 0; attempt < EMAIL_LINKS_PER_IP.limit + 1; attempt += 1) {
			const email = `spray-${attempt}@example.org`;
			outcomes.push(
				(await requestEmailLink(context, kind, { email, ip: '203.0.113.9' }, now)).outcome
			);
		}
		expect(outcomes.slice(0, EMAIL_LINKS_PER_IP.limit).every((o) => o === 'noAccount')).toBe(true);
		expect(outcomes.at(-1)).toBe('rateLimited');
	});

	it('logs, rather than throws, when the mail server refuses the message', async () => {
		const smtpContext = { ...context, mailer: createSmtpMailer(smtp.url) };
		const refused = await requestEmailLink(smtpContext, kind, {
			email: 'refused@example.org',
			ip: '3'
		});
		expect(refused.outcome).toBe('sent');
		await expect(refused.delivery).resolves.toBeUndefined();
		const delivered = await requestEmailLink(smtpContext, kind, {
			email: 'known@example.org',
			ip: '3'
		});
		await delivered.delivery;
		const mail = await smtp.nextMail();
		expect(mail.to).toEqual(['known@example.org']);
		expect(mail.data).toContain('https://coplan.example.org/sign-in/link/');
	});
});
