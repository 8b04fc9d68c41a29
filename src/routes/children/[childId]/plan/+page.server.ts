import { can } from '$lib/server/policy.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import { loadPlanPage } from '$lib/server/services/plan/planPage.ts';
import { loadProgressHistory } from '$lib/server/services/plan/progressHistory.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, child, resource } = await requireChild(event, 'child.view');
	const plan = await loadPlanPage(event.locals.db, child.id);
	const outcomeIds = [
		...(plan.current?.content.outcomes ?? []),
		...plan.proposed.flatMap((p) => p.content.outcomes)
	].map((outcome) => outcome.id);
	return {
		child,
		plan,
		progress:
			outcomeIds.length > 0
				? await loadProgressHistory(event.locals.db, child.id, { outcomeIds })
				: [],
		mayEdit: can(actor, 'child.edit', resource),
		done: event.url.searchParams.get('done')
	};
};
