import { error, fail, redirect } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guards.ts';
import { createChild } from '$lib/server/services/children/createChild.ts';
import { parseNewChildForm } from '$lib/server/services/children/newChildForm.ts';
import { organisationsForNewChild } from '$lib/server/services/children/organisationsForNewChild.ts';
import type { Actions, PageServerLoad } from './$types';

const NOT_A_COORDINATOR =
	'Only a coordinator (such as a SENCo or local authority caseworker) can add a child.';

export const load: PageServerLoad = async (event) => {
	const actor = await requireActor(event);
	const organisations = await organisationsForNewChild(event.locals.db, actor);
	if (organisations.length === 0) error(403, NOT_A_COORDINATOR);
	return { organisations };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = await requireActor(event);
		const organisations = await organisationsForNewChild(event.locals.db, actor);
		if (organisations.length === 0) error(403, NOT_A_COORDINATOR);
		const form = parseNewChildForm(
			await event.request.formData(),
			organisations.map((o) => o.id)
		);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const child = await createChild(event.locals.db, actor.id, form.data);
		event.locals.logger.info({ childId: child.id }, 'child created');
		redirect(303, `/children/${child.id}?created=1`);
	}
};
