import { can } from '$lib/server/policy.ts';
import { listAdvice } from '$lib/server/services/advice/listAdvice.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, child, resource } = await requireChild(event, 'child.view');
	return {
		child: { id: child.id, firstName: child.firstName, preferredName: child.preferredName },
		advice: await listAdvice(event.locals.db, child.id),
		canAddAdvice: can(actor, 'child.addAdvice', resource),
		added: event.url.searchParams.has('added')
	};
};
