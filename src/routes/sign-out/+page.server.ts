import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/cookies.ts';
import { invalidateSession } from '$lib/server/auth/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		// A session still waiting for its two-factor code can be abandoned here too.
		const session = locals.session ?? locals.twoFactorPending?.session;
		if (session) await invalidateSession(locals.db, session.id);
		// Its live meetings' websockets close now, not at the next check.
		await locals.live.sessionsEnded();
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/');
	}
};
