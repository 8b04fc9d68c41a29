import { fail, redirect } from '@sveltejs/kit';
import { pathAfterSignIn } from '$lib/server/auth/redirects.ts';
import { startSession } from '$lib/server/auth/startSession.ts';
import { checkSignInLink, useSignInLink } from '$lib/server/services/emailLinks/signInLink.ts';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows a button: mail scanners that open links must not use it up.
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	return { state: await checkSignInLink(locals.db, params.token) };
};

export const actions: Actions = {
	default: async (event) => {
		const result = await useSignInLink(event.locals.db, event.params.token);
		if (!result.ok) return fail(400, { state: result.reason });
		await startSession(event, result.userId);
		event.locals.logger.info({ userId: result.userId }, 'signed in with an emailed link');
		redirect(303, pathAfterSignIn(result.twoFactorEnabled));
	}
};
