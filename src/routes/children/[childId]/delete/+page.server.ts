import { redirect } from '@sveltejs/kit';
import { deleteChild } from '$lib/server/services/children/deleteChild.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { child } = await requireChild(event, 'child.delete');
	return {
		child: {
			id: child.id,
			firstName: child.firstName,
			lastName: child.lastName,
			preferredName: child.preferredName,
			organisationName: child.organisationName
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, child } = await requireChild(event, 'child.delete');
		await deleteChild(event.locals.db, event.locals.live, actor.id, child.id);
		event.locals.logger.info({ childId: child.id }, 'child deleted');
		redirect(303, '/children?deleted=1');
	}
};
