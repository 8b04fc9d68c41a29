import { fail } from '@sveltejs/kit';
import { validateForm } from '$lib/server/forms.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import { childTeamScope } from '$lib/server/services/invitations/childTeamScope.ts';
import { createInvitation } from '$lib/server/services/invitations/createInvitation.ts';
import { InvitationForm } from '$lib/server/services/invitations/invitationForm.ts';
import { INVITATION_CHANGE_MESSAGES } from '$lib/server/services/invitations/lockInvitation.ts';
import { listInvitations } from '$lib/server/services/invitations/listInvitations.ts';
import { resendInvitation } from '$lib/server/services/invitations/resendInvitation.ts';
import { revokeInvitation } from '$lib/server/services/invitations/revokeInvitation.ts';
import { knownAs } from '$lib/shared/domain/childNames.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Everyone here must be allowed to invite to this child's team (404 otherwise). */
async function inviting(event: RequestEvent) {
	const { actor, child } = await requireChild(event, 'child.invite');
	const name = event.locals.user?.name ?? '';
	return { inviter: { actor, name }, child };
}

export const load: PageServerLoad = async (event) => {
	const { child } = await inviting(event);
	return {
		child: { id: child.id, name: knownAs(child) },
		invitations: await listInvitations(childTeamScope, event.locals.db, child.id)
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const { inviter, child } = await inviting(event);
		const form = validateForm(InvitationForm, await event.request.formData(), []);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const result = await createInvitation(childTeamScope, event.locals, inviter, child, form.data);
		if (!result.ok) return fail(400, { errors: result.errors, values: form.data });
		return {
			done: {
				kind: 'invited' as const,
				name: form.data.name,
				email: form.data.email,
				emailSent: result.emailSent
			}
		};
	},
	resend: async (event) => {
		const { inviter, child } = await inviting(event);
		const invitationId = String((await event.request.formData()).get('invitationId') ?? '');
		const result = await resendInvitation(
			childTeamScope,
			event.locals,
			inviter,
			child,
			invitationId
		);
		if (!result.ok) return fail(400, { problem: INVITATION_CHANGE_MESSAGES[result.reason] });
		return {
			done: { kind: 'resent' as const, email: result.email, emailSent: result.emailSent }
		};
	},
	revoke: async (event) => {
		const { inviter, child } = await inviting(event);
		const invitationId = String((await event.request.formData()).get('invitationId') ?? '');
		const result = await revokeInvitation(
			childTeamScope,
			event.locals.db,
			inviter,
			child,
			invitationId
		);
		if (!result.ok) return fail(400, { problem: INVITATION_CHANGE_MESSAGES[result.reason] });
		return { done: { kind: 'revoked' as const, email: result.email } };
	}
};
