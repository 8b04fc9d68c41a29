import { requireActor } from '$lib/server/auth/guards.ts';
import { listCaseloadActions } from '$lib/server/services/actions/caseloadActions.ts';
import type { PageServerLoad } from './$types';

/** Every open action on the children a coordinator organises, by owner and agency. */
export const load: PageServerLoad = async (event) => {
	const actor = await requireActor(event);
	const overdueOnly = event.url.searchParams.get('overdue') === '1';
	return {
		overdueOnly,
		caseload: await listCaseloadActions(event.locals.db, actor, { overdueOnly })
	};
};
