import { fail } from '@sveltejs/kit';
import { validateForm } from '$lib/server/forms.ts';
import { EmailAddressForm } from '$lib/server/services/emailLinks/emailAddressForm.ts';
import { requestPasswordReset } from '$lib/server/services/emailLinks/passwordReset.ts';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const form = validateForm(EmailAddressForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		// The email goes out in the background and the answer is the same whatever the
		// outcome: see requestEmailLink.
		const { outcome } = await requestPasswordReset(locals, {
			email: form.data.email,
			ip: getClientAddress()
		});
		locals.logger.info({ outcome }, 'password reset requested');
		return { sent: true, email: form.data.email };
	}
};
