import { error, fail, redirect } from '@sveltejs/kit';
import { findMember } from '$lib/server/services/organisationMembers/listMembers.ts';
import {
	MEMBER_CHANGE_MESSAGES,
	removeMember
} from '$lib/server/services/organisationMembers/memberChanges.ts';
import { requireManagedOrganisation } from '$lib/server/services/organisationMembers/requireManagedOrganisation.ts';
import { isUuid } from '$lib/server/services/children/findChild.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { manager, organisation } = await requireManagedOrganisation(event);
	const { userId } = event.params;
	const member = isUuid(userId) ? await findMember(event.locals.db, organisation.id, userId) : null;
	if (!member) error(404, 'Not found');
	return { organisation, member, isMe: member.userId === manager.actor.id };
};

export const actions: Actions = {
	default: async (event) => {
		const { manager, organisation } = await requireManagedOrganisation(event);
		const { userId } = event.params;
		const result = await removeMember(event.locals.db, manager, organisation.id, userId);
		if (!result.ok) {
			if (result.reason === 'notMember') error(404, 'Not found');
			return fail(400, { errors: { remove: MEMBER_CHANGE_MESSAGES[result.reason] } });
		}
		await event.locals.live.userAccessChanged(userId);
		event.locals.logger.info(
			{ organisationId: organisation.id, userId },
			'organisation member removed'
		);
		// Someone who removed themselves can no longer manage the organisation.
		if (userId === manager.actor.id) redirect(303, '/account');
		redirect(303, `/organisation/members?organisation=${organisation.id}&removed`);
	}
};
