import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { setSessionCookie } from '$lib/server/auth/cookies.ts';
import { requireUser } from '$lib/server/auth/guards.ts';
import { newPasswordField, PASSWORD_MAX_LENGTH } from '$lib/server/auth/passwordPolicy.ts';
import { validateForm } from '$lib/server/forms.ts';
import { hasPassword } from '$lib/server/services/account/accountOverview.ts';
import { changePassword } from '$lib/server/services/account/changePassword.ts';
import type { Actions, PageServerLoad } from './$types';

const SECRET_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'];

const MISMATCH = 'The passwords do not match: enter the same new password twice';

const newAndConfirm = {
	newPassword: newPasswordField('Enter a new password'),
	confirmPassword: v.pipe(v.string(), v.nonEmpty('Enter the new password again'))
};
const ChangeForm = v.pipe(
	v.object({
		currentPassword: v.pipe(
			v.string(),
			v.nonEmpty('Enter your current password'),
			v.maxLength(PASSWORD_MAX_LENGTH, 'Your current password is not right')
		),
		...newAndConfirm
	}),
	v.forward(
		v.partialCheck(
			[['newPassword'], ['confirmPassword']],
			(input) => input.newPassword === input.confirmPassword,
			MISMATCH
		),
		['confirmPassword']
	)
);
const FirstPasswordForm = v.pipe(
	v.object(newAndConfirm),
	v.forward(
		v.partialCheck(
			[['newPassword'], ['confirmPassword']],
			(input) => input.newPassword === input.confirmPassword,
			MISMATCH
		),
		['confirmPassword']
	)
);

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { hasPassword: await hasPassword(event.locals.db, user.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const { locals, request, cookies, url } = event;
		const session = locals.session;
		if (!session) redirect(303, '/sign-in');
		const formData = await request.formData();
		let passwords: { currentPassword: string | null; newPassword: string };
		if (await hasPassword(locals.db, user.id)) {
			const form = validateForm(ChangeForm, formData, SECRET_FIELDS);
			if (!form.ok) return fail(400, { errors: form.errors });
			passwords = {
				currentPassword: form.data.currentPassword,
				newPassword: form.data.newPassword
			};
		} else {
			const form = validateForm(FirstPasswordForm, formData, SECRET_FIELDS);
			if (!form.ok) return fail(400, { errors: form.errors });
			passwords = { currentPassword: null, newPassword: form.data.newPassword };
		}
		const result = await changePassword(locals.db, {
			userId: user.id,
			...passwords,
			userAgent: request.headers.get('user-agent'),
			twoFactorVerified: session.twoFactorVerified
		});
		if (!result.ok) return fail(400, { errors: result.errors });
		await locals.live.sessionsEnded();
		locals.logger.info({ userId: user.id }, 'password changed; all other sessions signed out');
		setSessionCookie(cookies, result.token, result.session.expiresAt, url.protocol === 'https:');
		redirect(303, '/account?passwordChanged=1');
	}
};
