import { fail, redirect } from '@sveltejs/kit';
import { validateForm } from '$lib/server/forms.ts';
import { createInvitation } from '$lib/server/services/invitations/createInvitation.ts';
import { INVITATION_CHANGE_MESSAGES } from '$lib/server/services/invitations/lockInvitation.ts';
import { listOpenInvitations } from '$lib/server/services/invitations/listInvitations.ts';
import { organisationScope } from '$lib/server/services/invitations/organisationScope.ts';
import { resendInvitation } from '$lib/server/services/invitations/resendInvitation.ts';
import { revokeInvitation } from '$lib/server/services/invitations/revokeInvitation.ts';
import { listMembers } from '$lib/server/services/organisationMembers/listMembers.ts';
import {
	MEMBER_CHANGE_MESSAGES,
	changeMemberRole
} from '$lib/server/services/organisationMembers/memberChanges.ts';
import {
	ChangeRoleForm,
	MemberInvitationForm
} from '$lib/server/services/organisationMembers/memberForms.ts';
import { requireManagedOrganisation } from '$lib/server/services/organisationMembers/requireManagedOrganisation.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { manager, organisation, organisations } = await requireManagedOrganisation(event);
	const [members, invitations] = await Promise.all([
		listMembers(event.locals.db, organisation.id),
		listOpenInvitations(organisationScope, event.locals.db, organisation.id)
	]);
	return {
		organisation,
		organisations,
		members,
		invitations,
		myId: manager.actor.id,
		removed: event.url.searchParams.has('removed')
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const { manager, organisation } = await requireManagedOrganisation(event);
		const form = validateForm(MemberInvitationForm, await event.request.formData(), []);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const result = await createInvitation(
			organisationScope,
			event.locals,
			manager,
			organisation,
			form.data
		);
		if (!result.ok) return fail(400, { errors: result.errors, values: form.data });
		event.locals.logger.info(
			{ organisationId: organisation.id, invitationId: result.invitationId },
			'organisation invitation sent'
		);
		return {
			done: { kind: 'invited' as const, email: form.data.email, emailSent: result.emailSent }
		};
	},
	resend: async (event) => {
		const { manager, organisation } = await requireManagedOrganisation(event);
		const invitationId = String((await event.request.formData()).get('invitationId') ?? '');
		const result = await resendInvitation(
			organisationScope,
			event.locals,
			manager,
			organisation,
			invitationId
		);
		if (!result.ok) return fail(400, { problem: INVITATION_CHANGE_MESSAGES[result.reason] });
		return {
			done: { kind: 'resent' as const, email: result.email, emailSent: result.emailSent }
		};
	},
	revoke: async (event) => {
		const { manager, organisation } = await requireManagedOrganisation(event);
		const invitationId = String((await event.request.formData()).get('invitationId') ?? '');
		const result = await revokeInvitation(
			organisationScope,
			event.locals.db,
			manager,
			organisation,
			invitationId
		);
		if (!result.ok) return fail(400, { problem: INVITATION_CHANGE_MESSAGES[result.reason] });
		return { done: { kind: 'revoked' as const, email: result.email } };
	},
	changeRole: async (event) => {
		const { manager, organisation } = await requireManagedOrganisation(event);
		const form = validateForm(ChangeRoleForm, await event.request.formData(), []);
		if (!form.ok) return fail(400, { problem: 'Choose a role from the list, then try again.' });
		const { userId, role } = form.data;
		const result = await changeMemberRole(event.locals.db, manager, organisation.id, userId, role);
		if (!result.ok) return fail(400, { problem: MEMBER_CHANGE_MESSAGES[result.reason] });
		// Their live meetings follow the new role at once (read-only, or closed).
		await event.locals.live.userAccessChanged(userId);
		event.locals.logger.info(
			{ organisationId: organisation.id, userId, role },
			'organisation member role changed'
		);
		// An admin who made themselves something else can no longer open this page.
		if (userId === manager.actor.id && role !== 'admin') redirect(303, '/account');
		return { done: { kind: 'roleChanged' as const, userId, role } };
	}
};
