import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies.ts';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session.ts';
import { twoFactorSetupRedirect } from '$lib/server/auth/twoFactorGate.ts';
import { requestIdFrom } from '$lib/server/requestId.ts';
import { applySecurityHeaders } from '$lib/server/securityHeaders.ts';
import { startLifecycle } from '$lib/server/lifecycle.ts';

export const init: ServerInit = async () => {
	// Opens the database, attaches the collaboration server and starts the scheduler, once.
	await startLifecycle();
};

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const { runtime, live, outboxShown, devClock, metrics } = await startLifecycle();
	const requestId = requestIdFrom(event.request.headers);
	const logger = runtime.logger.child({ requestId });
	event.locals.requestId = requestId;
	event.locals.logger = logger;
	event.locals.db = runtime.database.db;
	event.locals.database = runtime.database;
	event.locals.live = live;
	event.locals.outboxShown = outboxShown;
	event.locals.devClock = devClock;
	event.locals.metrics = metrics;
	event.locals.mailer = runtime.mailer;
	event.locals.origin = runtime.env.ORIGIN ?? event.url.origin;
	event.locals.user = null;
	event.locals.session = null;
	event.locals.twoFactorPending = null;
	event.locals.twoFactorSetupRequired = false;

	const secure = event.url.protocol === 'https:';
	const token = event.cookies.get(SESSION_COOKIE);
	let setupRedirect: string | null = null;
	if (token !== undefined) {
		const result = await validateSessionToken(event.locals.db, token);
		if (result.session) {
			if (result.twoFactorPending) {
				// Password given, code not yet: signed out everywhere except the code page
				// (which reads twoFactorPending) and sign-out.
				event.locals.twoFactorPending = { session: result.session, user: result.user };
			} else {
				event.locals.user = result.user;
				event.locals.session = result.session;
				event.locals.twoFactorSetupRequired = result.twoFactorSetupRequired;
				setupRedirect = twoFactorSetupRedirect(event.url.pathname, result.twoFactorSetupRequired);
			}
			if (result.renewed) setSessionCookie(event.cookies, token, result.session.expiresAt, secure);
		} else {
			// Unknown, expired or tampered: treated as signed out, and the cookie cleared.
			deleteSessionCookie(event.cookies, secure);
		}
	}

	if (setupRedirect) {
		// An organisation of this user requires two-factor and they have not set it up yet.
		// Thrown, so that SvelteKit answers page, data and form-action requests each in kind.
		logger.info(
			{ method: event.request.method, path: event.url.pathname, userId: event.locals.user?.id },
			'two-factor set-up required: redirected'
		);
		redirect(303, setupRedirect);
	}

	const response = await resolve(event);
	applySecurityHeaders(response.headers, { https: secure });
	response.headers.set('x-request-id', requestId);
	logger.info(
		{
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			ms: Math.round(performance.now() - started),
			userId: event.locals.user?.id
		},
		'request'
	);
	return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId ?? requestIdFrom(event.request.headers);
	if (status === 404) return { message: 'Page not found', requestId };
	(event.locals.logger ?? console).error(
		{ err: error, path: event.url.pathname, status, requestId },
		message
	);
	return { message: 'Sorry, something went wrong on our side.', requestId };
};
