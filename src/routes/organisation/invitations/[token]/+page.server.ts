import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { deleteSessionCookie } from '$lib/server/auth/cookies.ts';
import { newPasswordField } from '$lib/server/auth/passwordPolicy.ts';
import { invalidateSession } from '$lib/server/auth/session.ts';
import { startSession } from '$lib/server/auth/startSession.ts';
import { validateForm } from '$lib/server/forms.ts';
import { isInvitedAddress } from '$lib/server/services/invitations/invitationAcceptance.ts';
import {
	acceptOrganisationInvitationAsUser,
	acceptOrganisationInvitationWithNewAccount
} from '$lib/server/services/organisationMembers/acceptOrganisationInvitation.ts';
import { findOrganisationInvitationByToken } from '$lib/server/services/organisationMembers/findOrganisationInvitationByToken.ts';
import type { Actions, PageServerLoad } from './$types';

const NewAccountForm = v.object({
	name: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter your name'),
		v.maxLength(200, 'Name must be 200 characters or fewer')
	),
	password: newPasswordField('Choose a password')
});

/**
 * The page an organisation invitation link opens, designed like the team invitation page.
 * Looking at it changes nothing (mail scanners open links); accepting is a button.
 * Someone new sets a name and password; someone with an account signs in first; someone
 * signed in as the invited address joins with one button; someone signed in as anyone
 * else is told the invitation is not theirs and may sign out: it is never attached to
 * the wrong account.
 */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const invitation = await findOrganisationInvitationByToken(locals.db, params.token);
	if (!invitation) return { state: 'unknown' as const };
	const common = {
		organisationName: invitation.organisationName,
		inviterName: invitation.inviterName
	};
	if (invitation.status !== 'pending') return { state: invitation.status, ...common };
	const user = locals.user;
	return {
		state: 'pending' as const,
		...common,
		email: invitation.email,
		name: invitation.name,
		role: invitation.role,
		accountExists: invitation.accountExists,
		signedInAs: user ? { name: user.name, email: user.email } : null,
		isInvitedAccount: user !== null && isInvitedAddress(user.email, invitation.email)
	};
};

function joinedPage(organisationId: string): string {
	return `/account?joined=${organisationId}`;
}

export const actions: Actions = {
	/** Someone new: create the account with the invited address, then join. */
	create: async (event) => {
		const { request, locals, params } = event;
		const form = validateForm(NewAccountForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const result = await acceptOrganisationInvitationWithNewAccount(
			locals.db,
			params.token,
			form.data
		);
		if (!result.ok) {
			if (result.reason === 'password') {
				const values = { name: form.data.name };
				return fail(400, { errors: { password: result.message }, values });
			}
			// Any other refusal: the page, loaded again, explains the invitation's state.
			return fail(409, { refused: result.reason });
		}
		await startSession(event, result.userId);
		locals.logger.info(
			{ userId: result.userId },
			'organisation invitation accepted with a new account'
		);
		redirect(303, joinedPage(result.organisationId));
	},
	/** Someone signed in with the invited address: join. */
	accept: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, `/sign-in?redirectTo=${encodeURIComponent(url.pathname)}`);
		const result = await acceptOrganisationInvitationAsUser(locals.db, params.token, locals.user);
		if (!result.ok) return fail(409, { refused: result.reason });
		locals.logger.info({ userId: locals.user.id }, 'organisation invitation accepted');
		redirect(303, joinedPage(result.organisationId));
	},
	/** Signed in as someone else: sign out here and show the invitation again. */
	signOut: async ({ locals, cookies, url }) => {
		const session = locals.session ?? locals.twoFactorPending?.session;
		if (session) await invalidateSession(locals.db, session.id);
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, url.pathname);
	}
};
