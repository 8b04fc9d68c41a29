import { requireActor, requireUser } from '$lib/server/auth/guards.ts';
import {
	isCoordinator,
	loadCaseload,
	parseCaseloadQuery
} from '$lib/server/services/dashboard/caseload.ts';
import { listMyActions, loadFamilyHome } from '$lib/server/services/dashboard/familyHome.ts';
import type { PageServerLoad } from './$types';

/** Coordinators get their caseload; families and other professionals a simpler home. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const actor = await requireActor(event);
	const { db } = event.locals;
	const now = new Date();
	if (isCoordinator(actor)) {
		const query = parseCaseloadQuery(event.url.searchParams);
		const [caseload, actions] = await Promise.all([
			loadCaseload(db, actor, query, now),
			listMyActions(db, actor.id, now)
		]);
		return { view: 'caseload' as const, name: user.name, query, caseload, actions };
	}
	return {
		view: 'family' as const,
		name: user.name,
		home: await loadFamilyHome(db, actor.id, now)
	};
};
