import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { devOutbox } from '../../db/schema.ts';

/** The newest mail in the development outbox to an address; throws if there is none. */
export async function latestMailTo(db: Database, to: string) {
	const [mail] = await db
		.select()
		.from(devOutbox)
		.where(eq(devOutbox.to, to))
		.orderBy(desc(devOutbox.createdAt))
		.limit(1);
	if (!mail) throw new Error(`no mail to ${to}`);
	return mail;
}

/** The token in the first link to `path` (e.g. "/invitations") in the newest mail to an address. */
export async function tokenMailedTo(db: Database, to: string, path: string): Promise<string> {
	const mail = await latestMailTo(db, to);
	const match = new RegExp(`${path}/([a-z2-7]+)`).exec(mail.text);
	if (!match?.[1]) throw new Error(`no ${path} link in the mail to ${to}`);
	return match[1];
}
