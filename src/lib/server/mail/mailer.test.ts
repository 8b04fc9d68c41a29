import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { devOutbox } from '../db/schema.ts';
import { createMailer, createOutboxMailer, createSmtpMailer } from './mailer.ts';
import { startSmtpTestServer, type SmtpTestServer } from './testing/smtpTestServer.ts';

let database: TestDatabase;
let smtp: SmtpTestServer;

beforeAll(async () => {
	database = await createTestDatabase();
	smtp = await startSmtpTestServer({ refuseRecipients: ['nobody@example.org'] });
});

afterAll(async () => {
	await smtp.stop();
	await database.close();
});

/** A real pino logger whose JSON lines are collected, to check what reaches the log. */
function collectingLogger() {
	const lines: Record<string, unknown>[] = [];
	const stream = new Writable({
		write(chunk: Buffer, _encoding, done) {
			lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
			done();
		}
	});
	return { logger: pino({ level: 'info' }, stream), lines };
}

const CALENDAR = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR';

describe('createMailer', () => {
	it('chooses SMTP when SMTP_URL is set and the development outbox otherwise', () => {
		const { logger } = collectingLogger();
		expect(createMailer(smtp.url, database.db, logger).kind).toBe('smtp');
		expect(createMailer(undefined, database.db, logger).kind).toBe('outbox');
	});
});

describe('the development outbox', () => {
	it('writes each mail to dev_outbox and to the log', async () => {
		const { logger, lines } = collectingLogger();
		const mailer = createOutboxMailer(database.db, logger);
		await mailer.send({
			to: 'parent@example.org',
			subject: 'Priya Shah has invited you',
			text: 'Open https://coplan.example.org/invitations/abc',
			calendar: { filename: 'review.ics', content: CALENDAR }
		});
		await mailer.send({
			to: 'salt@example.org',
			subject: 'Your sign-in link',
			text: 'Open https://coplan.example.org/sign-in/link/def'
		});
		const rows = await database.db.select().from(devOutbox);
		expect(rows).toHaveLength(2);
		const to = (address: string) => rows.find((row) => row.to === address);
		expect(to('parent@example.org')).toMatchObject({
			subject: 'Priya Shah has invited you',
			text: 'Open https://coplan.example.org/invitations/abc',
			calendar: CALENDAR
		});
		expect(to('salt@example.org')).toMatchObject({
			subject: 'Your sign-in link',
			text: 'Open https://coplan.example.org/sign-in/link/def',
			calendar: null
		});
		for (const row of rows) expect(row.createdAt).toBeInstanceOf(Date);
		const logged = lines.filter((line) => line.msg === 'mail written to the development outbox');
		expect(logged.map((line) => line.to)).toEqual(['parent@example.org', 'salt@example.org']);
	});
});

describe('the SMTP mailer', () => {
	it('delivers the message, with its calendar attachment, to the SMTP server', async () => {
		const mailer = createSmtpMailer(smtp.url, 'Coplan <no-reply@coplan.test>');
		await mailer.send({
			to: 'sam@example.org',
			subject: 'Your sign-in link',
			text: 'Use this link to sign in: https://coplan.example.org/sign-in/link/abc',
			calendar: { filename: 'review.ics', content: CALENDAR }
		});
		const mail = await smtp.nextMail();
		expect(mail.from).toBe('no-reply@coplan.test');
		expect(mail.to).toEqual(['sam@example.org']);
		expect(mail.data).toMatch(/^Subject: Your sign-in link$/m);
		expect(mail.data).toMatch(/^To: sam@example.org$/m);
		expect(mail.data).toContain('https://coplan.example.org/sign-in/link/abc');
		expect(mail.data).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
	});

	it('fails loudly when the server refuses the recipient', async () => {
		const mailer = createSmtpMailer(smtp.url);
		await expect(
			mailer.send({ to: 'nobody@example.org', subject: 'Hello', text: 'Hello' })
		).rejects.toThrow(/550|No such mailbox/);
	});
});
