import type { Cookies } from '@sveltejs/kit';
import { setSessionCookie } from './cookies.ts';
import { createSession, generateSessionToken, invalidateSession } from './session.ts';

interface SessionEvent {
	locals: App.Locals;
	cookies: Cookies;
	request: Request;
	url: URL;
}

/**
 * Signs the user in on this device: a new session and its cookie. Any session the
 * browser already had (someone else's, or one waiting for a two-factor code) ends, so
 * that one browser never holds two identities. The new session still needs the second
 * factor when the user has one: send them on with pathAfterSignIn().
 */
export async function startSession(event: SessionEvent, userId: string): Promise<void> {
	const previous = event.locals.session ?? event.locals.twoFactorPending?.session;
	if (previous) {
		await invalidateSession(event.locals.db, previous.id);
		await event.locals.live.sessionsEnded();
	}
	const token = generateSessionToken();
	const session = await createSession(
		event.locals.db,
		token,
		userId,
		event.request.headers.get('user-agent')
	);
	setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
}
