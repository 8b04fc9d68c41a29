import { fail, redirect } from '@sveltejs/kit';
import { HOME_PATH } from '$lib/server/auth/redirects.ts';
import { validateForm } from '$lib/server/forms.ts';
import { EmailAddressForm } from '$lib/server/services/emailLinks/emailAddressForm.ts';
import { requestSignInLink } from '$lib/server/services/emailLinks/signInLink.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, HOME_PATH);
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const form = validateForm(EmailAddressForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		// The email goes out in the background and the answer is the same whatever the
		// outcome: see requestEmailLink.
		const { outcome } = await requestSignInLink(locals, {
			email: form.data.email,
			ip: getClientAddress()
		});
		locals.logger.info({ outcome }, 'sign-in link requested');
		return { sent: true, email: form.data.email };
	}
};
