import { fail, redirect } from '@sveltejs/kit';
import { addAdvice } from '$lib/server/services/advice/addAdvice.ts';
import { ADVICE_FILE_MESSAGES, parseAdviceForm } from '$lib/server/services/advice/adviceForm.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import { findTeamMember } from '$lib/server/services/children/team.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, child } = await requireChild(event, 'child.addAdvice');
	const me = event.locals.user;
	const myPlace = await findTeamMember(event.locals.db, child.id, actor.id);
	return {
		child: { id: child.id, firstName: child.firstName, preferredName: child.preferredName },
		// Most advice is added by its author: start with their own name and service. A
		// coordinator outside the team works for the organisation that holds the record.
		defaults: {
			authorName: me?.name ?? '',
			agency: myPlace?.agency ?? child.organisationName
		}
	};
};

/** The request body was larger than the server accepts (BODY_SIZE_LIMIT, set in server/main.ts). */
function isTooLarge(error: unknown): boolean {
	return typeof error === 'object' && error !== null && 'status' in error && error.status === 413;
}

export const actions: Actions = {
	default: async (event) => {
		const { actor, child } = await requireChild(event, 'child.addAdvice');
		let formData: FormData;
		try {
			formData = await event.request.formData();
		} catch (error) {
			if (!isTooLarge(error)) throw error;
			return fail(413, {
				errors: { file: ADVICE_FILE_MESSAGES.tooBig },
				values: {} as Record<string, string>,
				chosenFileName: null
			});
		}
		const form = await parseAdviceForm(formData);
		if (!form.ok) {
			return fail(400, {
				errors: form.errors,
				values: form.values,
				chosenFileName: form.chosenFileName
			});
		}
		await addAdvice(event.locals.db, actor.id, child.id, form.data);
		redirect(303, `/children/${child.id}/advice?added=1`);
	}
};
