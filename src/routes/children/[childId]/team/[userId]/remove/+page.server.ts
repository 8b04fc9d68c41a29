import { error, fail, redirect } from '@sveltejs/kit';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import {
	TEAM_CHANGE_MESSAGES,
	findTeamMember,
	removeTeamMember
} from '$lib/server/services/children/team.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { child } = await requireChild(event, 'child.manageTeam');
	const member = await findTeamMember(event.locals.db, child.id, event.params.userId);
	if (!member) error(404, 'Not found');
	return {
		child: { id: child.id, firstName: child.firstName, preferredName: child.preferredName },
		member,
		isMe: member.userId === event.locals.user?.id
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, child } = await requireChild(event, 'child.manageTeam');
		const result = await removeTeamMember(
			event.locals.db,
			event.locals.live,
			actor.id,
			child.id,
			event.params.userId
		);
		if (!result.ok) {
			if (result.reason === 'notInTeam') error(404, 'Not found');
			return fail(400, { errors: { remove: TEAM_CHANGE_MESSAGES[result.reason] } });
		}
		// Someone who removed themselves may no longer see the child.
		redirect(303, actor.id === event.params.userId ? '/children' : `/children/${child.id}#team`);
	}
};
