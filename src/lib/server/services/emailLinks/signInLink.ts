import { eq } from 'drizzle-orm';
import { consumeEmailToken } from '../../auth/emailTokens.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { signInLinkEmail } from '../../mail/templates.ts';
import { emailLinks, type EmailLinkState } from './requestEmailLink.ts';

/**
 * Signing in with a link sent by email, instead of a password: single use, 15 minutes.
 * The link opens a page with a button; only pressing it uses the link up, because some
 * mail scanners open every link in a message before the person reads it.
 */

export const SIGN_IN_LINK_MINUTES = 15;
export const SIGN_IN_LINK_PATH = '/sign-in/link';

const signInLinks = emailLinks({
	purpose: 'sign_in',
	minutes: SIGN_IN_LINK_MINUTES,
	path: SIGN_IN_LINK_PATH,
	content: signInLinkEmail
});

export const requestSignInLink = signInLinks.request;
/** Whether the link could still be used, without using it (for the page it opens). */
export const checkSignInLink = signInLinks.check;

export type SignInLinkState = EmailLinkState;

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
