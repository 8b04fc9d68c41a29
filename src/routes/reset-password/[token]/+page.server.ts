import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { newPasswordField } from '$lib/server/auth/passwordPolicy.ts';
import { pathAfterSignIn } from '$lib/server/auth/redirects.ts';
import { startSession } from '$lib/server/auth/startSession.ts';
import { validateForm } from '$lib/server/forms.ts';
import {
	checkPasswordResetLink,
	resetPassword
} from '$lib/server/services/emailLinks/passwordReset.ts';
import type { Actions, PageServerLoad } from './$types';

const NewPasswordForm = v.object({ password: newPasswordField('Enter a new password') });

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	return { state: await checkPasswordResetLink(locals.db, params.token) };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, params } = event;
		const form = validateForm(NewPasswordForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await resetPassword(locals, params.token, form.data.password);
		if (!result.ok) {
			if (result.reason === 'password') return fail(400, { errors: { password: result.message } });
			return fail(400, { state: result.reason });
		}
		// Every device was signed out; this one is signed in again with the new password.
		await locals.live.sessionsEnded();
		await startSession(event, result.userId);
		locals.logger.info({ userId: result.userId }, 'password reset');
		redirect(303, pathAfterSignIn(result.twoFactorEnabled));
	}
};
