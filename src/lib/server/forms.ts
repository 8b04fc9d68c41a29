import * as v from 'valibot';

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates a submitted form against a schema, returning field-level messages (the
 * first for each field, in form order) and the values typed, so the page can show a
 * GOV.UK error summary without losing what the user typed. Password fields are never
 * echoed back.
 */
export function validateForm<TSchema extends v.GenericSchema>(
	schema: TSchema,
	formData: FormData,
	secretFields: readonly string[] = ['password']
): FormResult<v.InferOutput<TSchema>> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData) {
		if (typeof value === 'string' && !secretFields.includes(key)) values[key] = value;
	}
	const input: Record<string, string> = {};
	for (const [key, value] of formData) if (typeof value === 'string') input[key] = value;
	const result = v.safeParse(schema, input);
	if (result.success) return { ok: true, data: result.output };
	const errors: FieldErrors = {};
	for (const issue of result.issues) {
		const key = issue.path?.[0]?.key;
		const field = typeof key === 'string' ? key : 'form';
		errors[field] ??= issue.message;
	}
	return { ok: false, errors, values };
}
