import { error, fail, redirect } from '@sveltejs/kit';
import { validateForm } from '$lib/server/forms.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import {
	TEAM_CHANGE_MESSAGES,
	changeTeamMember,
	findTeamMember
} from '$lib/server/services/children/team.ts';
import { TeamMemberForm } from '$lib/server/services/children/teamMemberForm.ts';
import { isFamilyRole } from '$lib/shared/domain/roles.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { child } = await requireChild(event, 'child.manageTeam');
	const member = await findTeamMember(event.locals.db, child.id, event.params.userId);
	if (!member) error(404, 'Not found');
	return {
		child: { id: child.id, firstName: child.firstName, preferredName: child.preferredName },
		member: { ...member, family: isFamilyRole(member.teamRole) }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, child } = await requireChild(event, 'child.manageTeam');
		const form = validateForm(TeamMemberForm, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const result = await changeTeamMember(
			event.locals.db,
			event.locals.live,
			actor.id,
			child.id,
			event.params.userId,
			form.data
		);
		if (!result.ok) {
			if (result.reason === 'notInTeam') error(404, 'Not found');
			return fail(400, {
				errors: { teamRole: TEAM_CHANGE_MESSAGES[result.reason] },
				values: form.data
			});
		}
		redirect(303, `/children/${child.id}#team`);
	}
};
