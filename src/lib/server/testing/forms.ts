/**
 * A form as a browser would post it: a list becomes one entry per item (as for a group
 * of checkboxes); a field set to undefined is left out, as if the form had no such field.
 */
export function formOf(fields: Record<string, string | string[] | undefined>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
	}
	return form;
}
