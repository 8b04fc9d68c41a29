import { eq } from 'drizzle-orm';
import { checkEmailToken, consumeEmailToken } from '../../auth/emailTokens.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { signInLinkEmail } from '../../mail/templates.ts';
import {
	requestEmailLink,
	type EmailLinkContext,
	type EmailLinkOutcome,
	type EmailLinkRequest
} from './requestEmailLink.ts';

/**
 * Signing in with a link sent by email, instead of a password: single use, 15 minutes.
 * The link opens a page with a button; only pressing it uses the link up, because some
 * mail scanners open every link in a message before the person reads it.
 */

export const SIGN_IN_LINK_MINUTES = 15;
export const SIGN_IN_LINK_PATH = '/sign-in/link';

export function requestSignInLink(
	context: EmailLinkContext,
	request: EmailLinkRequest,
	now = new Date()
): Promise<EmailLinkOutcome> {
	return requestEmailLink(
		context,
		{
			purpose: 'sign_in',
			lifetimeMs: SIGN_IN_LINK_MINUTES * 60 * 1000,
			path: SIGN_IN_LINK_PATH,
			content: (link) => signInLinkEmail({ link, validForMinutes: SIGN_IN_LINK_MINUTES })
		},
		request,
		now
	);
}

export type SignInLinkState = 'valid' | 'used' | 'expired' | 'unknown';

/** Whether the link could still be used, without using it (for the page it opens). */
export async function checkSignInLink(
	db: Database,
	token: string,
	now = new Date()
): Promise<SignInLinkState> {
	return (await checkEmailToken(db, token, 'sign_in', now)).status;
}

export type SignInLinkResult =
	| { ok: true; userId: string; twoFactorEnabled: boolean }
	| { ok: false; reason: Exclude<SignInLinkState, 'valid'> };

/** Uses the link up and says whose it was; the caller starts the session. */
export async function useSignInLink(
	db: Database,
	token: string,
	now = new Date()
): Promise<SignInLinkResult> {
	const result = await consumeEmailToken(db, token, 'sign_in', now);
	if (result.status !== 'valid') return { ok: false, reason: result.status };
	const [user] = await db
		.select({ totpKey: users.totpKey })
		.from(users)
		.where(eq(users.id, result.userId));
	// The second factor is still asked for: an emailed link replaces the password only.
	return { ok: true, userId: result.userId, twoFactorEnabled: Boolean(user?.totpKey) };
}
