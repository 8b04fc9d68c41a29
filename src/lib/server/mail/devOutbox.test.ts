import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { devOutbox } from '../db/schema.ts';
import { isDevOutboxShown, listOutboxMail, splitLinks } from './devOutbox.ts';

describe('isDevOutboxShown', () => {
	const PG = 'postgres://coplan@db.example.org/coplan';
	it.each([
		// The embedded demo database (no DATABASE_URL): what `npm start` gives a newcomer.
		[{ NODE_ENV: 'production' }, true],
		[{ NODE_ENV: 'production', COPLAN_DEV_OUTBOX: '0' as const }, false],
		[{ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.org' }, false],
		// A PostgreSQL deployment never shows sign-in links unless asked to on purpose.
		[{ NODE_ENV: 'production', DATABASE_URL: PG }, false],
		[{ NODE_ENV: 'production', DATABASE_URL: PG, COPLAN_DEV_OUTBOX: '0' as const }, false],
		[{ NODE_ENV: 'production', DATABASE_URL: PG, COPLAN_DEV_OUTBOX: '1' as const }, true],
		[{ NODE_ENV: 'development', DATABASE_URL: PG }, true],
		[{ NODE_ENV: 'test', DATABASE_URL: PG }, true],
		[{ NODE_ENV: 'development', SMTP_URL: 'smtp://mail.example.org' }, false],
		[
			{
				NODE_ENV: 'production',
				DATABASE_URL: PG,
				SMTP_URL: 'smtp://mail.example.org',
				COPLAN_DEV_OUTBOX: '1' as const
			},
			false
		]
	])('%o → %s', (env, shown) => {
		expect(isDevOutboxShown(env)).toBe(shown);
	});
});

describe('splitLinks', () => {
	it('turns http and https links into link parts and leaves the rest as text', () => {
		expect(
			splitLinks('Open https://coplan.example.org/invitations/abc.\nOr http://localhost:3000/x')
		).toEqual([
			{ text: 'Open ' },
			{
				text: 'https://coplan.example.org/invitations/abc',
				href: 'https://coplan.example.org/invitations/abc'
			},
			{ text: '.\nOr ' },
			{ text: 'http://localhost:3000/x', href: 'http://localhost:3000/x' }
		]);
	});

	it('does not make links of other schemes', () => {
		expect(splitLinks('javascript:alert(1) and mailto:a@b.c')).toEqual([
			{ text: 'javascript:alert(1) and mailto:a@b.c' }
		]);
	});
});

describe('listOutboxMail', () => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase();
	});
	afterAll(async () => {
		await database.close();
	});

	it('lists mail newest first, with links split out', async () => {
		await database.db.insert(devOutbox).values([
			{
				to: 'first@example.org',
				subject: 'Older',
				text: 'See https://a.example.org/1',
				createdAt: new Date('2026-11-01T09:00:00Z')
			},
			{
				to: 'second@example.org',
				subject: 'Newer',
				text: 'No links here',
				calendar: 'BEGIN:VCALENDAR',
				createdAt: new Date('2026-11-01T10:00:00Z')
			}
		]);
		const mails = await listOutboxMail(database.db);
		expect(mails.map((mail) => mail.subject)).toEqual(['Newer', 'Older']);
		expect(mails[0]).toMatchObject({ to: 'second@example.org', hasCalendar: true });
		expect(mails[1]?.parts).toContainEqual({
			text: 'https://a.example.org/1',
			href: 'https://a.example.org/1'
		});
	});
});
