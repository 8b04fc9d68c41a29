import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { safeRedirectTarget } from '$lib/server/auth/redirects.ts';
import { validateForm } from '$lib/server/forms.ts';
import {
	tooManyCodesMessage,
	verifySignInSecondFactor,
	type CodeCheck
} from '$lib/server/services/account/twoFactor.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const AppCodeForm = v.object({
	code: v.pipe(v.string(), v.trim(), v.nonEmpty('Enter the 6-digit code from your app'))
});
const RecoveryCodeForm = v.object({
	recoveryCode: v.pipe(v.string(), v.trim(), v.nonEmpty('Enter one of your recovery codes'))
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	if (!locals.twoFactorPending) {
		const back = url.searchParams.get('redirectTo');
		redirect(303, back ? `/sign-in?redirectTo=${encodeURIComponent(back)}` : '/sign-in');
	}
	return { method: url.searchParams.get('method') === 'recovery' ? 'recovery' : 'app' } as const;
};

function messageFor(check: Exclude<CodeCheck, { ok: true }>, wrong: string): string {
	return check.reason === 'limited' ? tooManyCodesMessage(check.retryAfterMinutes) : wrong;
}

async function verify(event: RequestEvent, method: 'app' | 'recovery') {
	const { locals, url, request } = event;
	const pending = locals.twoFactorPending;
	if (!pending) redirect(303, '/sign-in');
	const field = method === 'app' ? 'code' : 'recoveryCode';
	const form = validateForm(
		method === 'app' ? AppCodeForm : RecoveryCodeForm,
		await request.formData(),
		[field]
	);
	if (!form.ok) return fail(400, { method, errors: form.errors });
	const code = 'code' in form.data ? form.data.code : form.data.recoveryCode;
	const check = await verifySignInSecondFactor(locals.db, {
		userId: pending.user.id,
		sessionId: pending.session.id,
		method,
		code
	});
	if (!check.ok) {
		locals.logger.info(
			{ userId: pending.user.id, reason: check.reason },
			'two-factor code refused'
		);
		const wrong =
			method === 'app'
				? 'The code is not right. Check your app and enter the code it shows now'
				: 'That recovery code is not right, or it has already been used';
		return fail(check.reason === 'limited' ? 429 : 400, {
			method,
			errors: { [field]: messageFor(check, wrong) }
		});
	}
	redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
}

export const actions: Actions = {
	app: (event) => verify(event, 'app'),
	recovery: (event) => verify(event, 'recovery')
};
