import * as v from 'valibot';
import type { FieldErrors } from '../../forms.ts';
import { validateForm } from '../../forms.ts';
import { isUuid } from '../children/findChild.ts';

/**
 * The handover form: which recorded consent of the family covers the receiving setting,
 * who their SENCo is, and which restricted notes (if any) are deliberately included. A
 * restricted note goes only when it is ticked one by one AND the warning is confirmed.
 */

export interface HandoverInput {
	consentId: string;
	sencoName: string;
	sencoEmail: string;
	restrictedNoteIds: string[];
}

const Fields = v.object({
	consentId: v.pipe(
		v.string('Choose the family’s consent that covers the new setting'),
		v.check(isUuid, 'Choose the family’s consent that covers the new setting')
	),
	sencoName: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter the name of the new setting’s SENCo'),
		v.maxLength(200, 'The name must be 200 characters or fewer')
	),
	sencoEmail: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter the email address of the new setting’s SENCo'),
		v.maxLength(254, 'The email address must be 254 characters or fewer'),
		v.email('Enter an email address in the right format, like name@example.org')
	)
});

/** Note ids are the restricted documents' own item ids: short, URL-safe strings. */
const NOTE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseHandoverForm(
	formData: FormData
):
	| { ok: true; data: HandoverInput }
	| { ok: false; errors: FieldErrors; values: Record<string, string> } {
	const form = validateForm(Fields, formData);
	const restrictedNoteIds = formData
		.getAll('restrictedNoteIds')
		.filter((value): value is string => typeof value === 'string' && NOTE_ID.test(value));
	const confirmed = formData.get('confirmRestricted') === 'yes';
	const errors: FieldErrors = form.ok ? {} : { ...form.errors };
	if (restrictedNoteIds.length > 0 && !confirmed) {
		errors.confirmRestricted =
			'Confirm that you mean to share the restricted notes you ticked, or untick them';
	}
	if (!form.ok || Object.keys(errors).length > 0) {
		return { ok: false, errors, values: form.ok ? stringValues(formData) : form.values };
	}
	return { ok: true, data: { ...form.data, restrictedNoteIds: [...new Set(restrictedNoteIds)] } };
}

function stringValues(formData: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData) if (typeof value === 'string') values[key] = value;
	return values;
}
