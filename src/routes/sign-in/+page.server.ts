import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { pathAfterSignIn, safeRedirectTarget } from '$lib/server/auth/redirects.ts';
import { deviceKnownFor, rememberDevice } from '$lib/server/auth/deviceCookie.ts';
import { startSession } from '$lib/server/auth/startSession.ts';
import { validateForm } from '$lib/server/forms.ts';
import {
	normaliseEmail,
	signInWithPassword,
	tooManySignInAttemptsMessage
} from '$lib/server/services/signIn.ts';
import type { Actions, PageServerLoad } from './$types';

const SignInForm = v.object({
	email: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter your email address'),
		v.maxLength(320, 'Email address must be 320 characters or fewer'),
		v.email('Enter an email address in the correct format, like name@example.com')
	),
	password: v.pipe(
		v.string(),
		v.nonEmpty('Enter your password'),
		v.maxLength(256, 'Password must be 256 characters or fewer')
	)
});

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = url.searchParams.get('redirectTo');
	if (locals.user) redirect(303, safeRedirectTarget(redirectTo));
	// Password already given on this device: carry on to the code rather than start again.
	if (locals.twoFactorPending) redirect(303, pathAfterSignIn(true, redirectTo));
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, url, cookies, getClientAddress } = event;
		const form = validateForm(SignInForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const { email, password } = form.data;
		const ip = getClientAddress();
		const knownDevice = deviceKnownFor(cookies, normaliseEmail(email));
		const outcome = await signInWithPassword(locals.db, { email, password, ip, knownDevice });
		// Neither message says whether the email has an account: unknown emails are
		// limited exactly like known ones.
		if (outcome.kind === 'limited') {
			locals.logger.warn({ ip }, 'sign-in refused: too many attempts');
			return fail(429, {
				errors: { email: tooManySignInAttemptsMessage(outcome.retryAfterMinutes) },
				values: { email }
			});
		}
		if (outcome.kind === 'wrong-credentials') {
			locals.logger.info({ ip }, 'sign-in failed');
			return fail(400, {
				errors: { email: 'The email address or password is not right' },
				values: { email }
			});
		}
		await startSession(event, outcome.user.id);
		if (!knownDevice) rememberDevice(cookies, normaliseEmail(email), url.protocol === 'https:');
		redirect(
			303,
			pathAfterSignIn(outcome.user.twoFactorEnabled, url.searchParams.get('redirectTo'))
		);
	}
};
