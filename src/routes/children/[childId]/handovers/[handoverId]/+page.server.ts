import { error } from '@sveltejs/kit';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import { layOutHandoverPack } from '$lib/server/services/handover/handoverLayout.ts';
import { loadHandover } from '$lib/server/services/handover/readHandover.ts';
import { knownAs } from '$lib/shared/domain/childNames.ts';
import type { PageServerLoad } from './$types';

/**
 * One handover pack, for the child's team (the receiving SENCo among them). Restricted
 * notes deliberately included reach only the SENCo and those who may read them anyway.
 */
export const load: PageServerLoad = async (event) => {
	event.setHeaders({ 'cache-control': 'no-store' });
	const { actor, child, resource } = await requireChild(event, 'child.view');
	const handover = await loadHandover(event.locals.db, actor, resource, event.params.handoverId);
	if (!handover) error(404, 'Not found');
	const document = layOutHandoverPack(handover.pack, handover.restricted);
	return {
		child: { id: child.id, name: knownAs(child) },
		handover: {
			id: handover.id,
			settingName: handover.settingName,
			sencoName: handover.sencoName,
			createdByName: handover.createdByName,
			createdAt: handover.createdAt,
			acceptedAt: handover.acceptedAt,
			// Those who may not read them learn only that some were shared.
			restrictedWithheld: handover.restricted === null ? handover.restrictedCount : 0
		},
		document,
		emailSent: event.url.searchParams.get('sent')
	};
};
