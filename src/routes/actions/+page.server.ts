import { requireUser } from '$lib/server/auth/guards.ts';
import { listMyActions } from '$lib/server/services/actions/myActions.ts';
import type { PageServerLoad } from './$types';

/** "Your actions": what the signed-in person owns, across every child, by when it is due. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const now = new Date();
	return {
		groups: await listMyActions(event.locals.db, user.id, now),
		done: event.url.searchParams.get('done')
	};
};
