import * as v from 'valibot';

/** The one-field form that asks for an emailed link (sign-in link, password reset). */
export const EmailAddressForm = v.object({
	email: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter your email address'),
		v.maxLength(320, 'Email address must be 320 characters or fewer'),
		v.email('Enter an email address in the correct format, like name@example.com')
	)
});
