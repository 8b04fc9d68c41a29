import { desc } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { devOutbox } from '../db/schema.ts';
import type { Env } from '../env.ts';

/**
 * The development outbox page (/dev/outbox) shows every mail Coplan "sent" without SMTP,
 * sign-in links and password resets included: anyone who can read it can take over any
 * account. So it is shown only when no SMTP_URL is configured (with SMTP, mail really goes
 * out and the outbox is empty), and one of:
 *   - the database is the embedded one (no DATABASE_URL): someone trying Coplan with its
 *     demo data, as the README's `npm start` does; a banner on every page says so;
 *   - NODE_ENV is not production (`npm run dev`);
 *   - the operator explicitly set COPLAN_DEV_OUTBOX=1 (the end-to-end tests on PostgreSQL).
 * A real deployment on PostgreSQL without SMTP_URL therefore never shows it, and the
 * start-up summary says that mail goes nowhere.
 */
export function isDevOutboxShown(
	env: Pick<Env, 'SMTP_URL' | 'NODE_ENV' | 'COPLAN_DEV_OUTBOX' | 'DATABASE_URL'>
): boolean {
	if (env.SMTP_URL) return false;
	if (env.COPLAN_DEV_OUTBOX === '0') return false;
	return !env.DATABASE_URL || env.NODE_ENV !== 'production' || env.COPLAN_DEV_OUTBOX === '1';
}

/** A piece of a mail's text: plain text, or a link to follow. */
export type TextPart = { text: string; href?: string };

const LINK = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/** Splits plain text so that its http(s) links can be shown as links. */
export function splitLinks(text: string): TextPart[] {
	const parts: TextPart[] = [];
	let last = 0;
	for (const match of text.matchAll(LINK)) {
		if (match.index > last) parts.push({ text: text.slice(last, match.index) });
		parts.push({ text: match[0], href: match[0] });
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	return parts;
}

export interface OutboxMail {
	id: string;
	to: string;
	subject: string;
	sentAt: Date;
	parts: TextPart[];
	hasCalendar: boolean;
}

/** The newest mails first. */
export async function listOutboxMail(db: Database, limit = 100): Promise<OutboxMail[]> {
	const rows = await db
		.select()
		.from(devOutbox)
		.orderBy(desc(devOutbox.createdAt), desc(devOutbox.id))
		.limit(limit);
	return rows.map((row) => ({
		id: row.id,
		to: row.to,
		subject: row.subject,
		sentAt: row.createdAt,
		parts: splitLinks(row.text),
		hasCalendar: row.calendar !== null
	}));
}
