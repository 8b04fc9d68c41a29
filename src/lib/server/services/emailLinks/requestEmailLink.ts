import { eq } from 'drizzle-orm';
import { checkEmailToken, issueEmailToken } from '../../auth/emailTokens.ts';
import { consumeAll, type RateLimit } from '../../auth/rateLimit.ts';
import type { Database } from '../../db/client.ts';
import { users, type EmailTokenPurpose } from '../../db/schema.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { EmailContent } from '../../mail/templates.ts';
import { normaliseEmail } from '../signIn.ts';

/**
 * Asking for a link by email (to sign in, or to reset a password). Whatever happens the
 * person sees the same answer, so nobody can use the form to learn who has an account:
 *  - requests are counted per address and per network address whether or not the account
 *    exists, and over the limit nothing is sent;
 *  - the email is sent in the background (`delivery`), so that a slow mail server does not
 *    make the answer for a real account take longer than for an unknown address.
 */

const HOUR_MS = 60 * 60 * 1000;
/** Enough for someone who mistyped or lost a mail; too few to flood anyone's inbox. */
export const EMAIL_LINKS_PER_ADDRESS = { limit: 5, windowMs: HOUR_MS } as const;
/** Wider, for a school or office where many people share one network address. */
export const EMAIL_LINKS_PER_IP = { limit: 30, windowMs: HOUR_MS } as const;

export interface EmailLinkContext {
	db: Database;
	mailer: Mailer;
	/** The app's public origin, for the link in the email. */
	origin: string;
	logger: Logger;
}

export interface EmailLinkRequest {
	email: string;
	/** The requester's network address, for the per-address limit. */
	ip: string;
}

export interface EmailLinkOutcome {
	/** For tests and logs only: the person is never told which it was. */
	outcome: 'sent' | 'noAccount' | 'rateLimited';
	/** Settles when the email has been handed over (or failed, which is logged). Never rejects. */
	delivery: Promise<void>;
}

export interface EmailLinkKind {
	purpose: EmailTokenPurpose;
	lifetimeMs: number;
	/** The path the token is appended to, e.g. "/sign-in/link". */
	path: string;
	content(link: string): EmailContent;
}

function limits(purpose: EmailTokenPurpose, email: string, ip: string): RateLimit[] {
	return [
		{ key: `email-link:${purpose}:${email}`, ...EMAIL_LINKS_PER_ADDRESS },
		{ key: `email-link:ip:${ip}`, ...EMAIL_LINKS_PER_IP }
	];
}

export async function requestEmailLink(
	context: EmailLinkContext,
	kind: EmailLinkKind,
	request: EmailLinkRequest,
	now = new Date()
): Promise<EmailLinkOutcome> {
	const settled = Promise.resolve();
	const email = normaliseEmail(request.email);
	const allowed = await consumeAll(context.db, limits(kind.purpose, email, request.ip), now);
	if (!allowed.allowed) {
		context.logger.warn(
			{ purpose: kind.purpose, ip: request.ip },
			'email link refused: too many requests'
		);
		return { outcome: 'rateLimited', delivery: settled };
	}
	const [user] = await context.db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, email));
	if (!user) return { outcome: 'noAccount', delivery: settled };

	const token = await issueEmailToken(context.db, {
		userId: user.id,
		purpose: kind.purpose,
		lifetimeMs: kind.lifetimeMs,
		now
	});
	const link = new URL(`${kind.path}/${token}`, context.origin).toString();
	const delivery = context.mailer
		.send({ to: email, ...kind.content(link) })
		.catch((error: unknown) => {
			context.logger.error(
				{ err: error, purpose: kind.purpose },
				'the email link could not be sent'
			);
		});
	return { outcome: 'sent', delivery };
}

export type EmailLinkState = 'valid' | 'used' | 'expired' | 'unknown';

/**
 * The two things every kind of emailed link does the same way: send one (under the same
 * limits and the same answer whatever happens) and say whether one could still be used
 * without using it, for the page the link opens.
 */
export function emailLinks(options: {
	purpose: EmailTokenPurpose;
	minutes: number;
	path: string;
	content(details: { link: string; validForMinutes: number }): EmailContent;
}) {
	const kind: EmailLinkKind = {
		purpose: options.purpose,
		lifetimeMs: options.minutes * 60 * 1000,
		path: options.path,
		content: (link) => options.content({ link, validForMinutes: options.minutes })
	};
	return {
		request: (
			context: EmailLinkContext,
			request: EmailLinkRequest,
			now = new Date()
		): Promise<EmailLinkOutcome> => requestEmailLink(context, kind, request, now),
		check: async (db: Database, token: string, now = new Date()): Promise<EmailLinkState> =>
			(await checkEmailToken(db, token, options.purpose, now)).status
	};
}
