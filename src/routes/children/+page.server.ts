import { requireActor } from '$lib/server/auth/guards.ts';
import { listVisibleChildren } from '$lib/server/services/children/listVisibleChildren.ts';
import { organisationsForNewChild } from '$lib/server/services/children/organisationsForNewChild.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await requireActor(event);
	const [children, organisations] = await Promise.all([
		listVisibleChildren(event.locals.db, actor),
		organisationsForNewChild(event.locals.db, actor)
	]);
	return {
		children,
		canAddChild: organisations.length > 0,
		deleted: event.url.searchParams.has('deleted')
	};
};
