import { can } from '$lib/server/policy.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import { loadPlanPage } from '$lib/server/services/plan/planPage.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, child, resource } = await requireChild(event, 'child.view');
	return {
		child,
		plan: await loadPlanPage(event.locals.db, child.id),
		mayEdit: can(actor, 'child.edit', resource),
		done: event.url.searchParams.get('done')
	};
};
