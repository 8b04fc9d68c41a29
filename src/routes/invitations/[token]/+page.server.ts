import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { deleteSessionCookie } from '$lib/server/auth/cookies.ts';
import { newPasswordField } from '$lib/server/auth/passwordPolicy.ts';
import { invalidateSession } from '$lib/server/auth/session.ts';
import { startSession } from '$lib/server/auth/startSession.ts';
import { validateForm } from '$lib/server/forms.ts';
import {
	acceptInvitationAsUser,
	acceptInvitationWithNewAccount
} from '$lib/server/services/invitations/acceptInvitation.ts';
import { findInvitationByToken } from '$lib/server/services/invitations/findInvitationByToken.ts';
import { isInvitedAddress } from '$lib/server/services/invitations/invitationAcceptance.ts';
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
 * The page an invitation link opens. Looking at it changes nothing (mail scanners open
 * links); accepting is a button. What it offers depends on who is looking:
 * someone new sets a name and password; someone with an account signs in first; someone
 * signed in as the invited address joins with one button; anyone else is told why not.
 */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const invitation = await findInvitationByToken(locals.db, params.token);
	if (!invitation) return { state: 'unknown' as const };
	const common = {
		childFirstName: invitation.childFirstName,
		inviterName: invitation.inviterName
	};
	if (invitation.status !== 'pending') return { state: invitation.status, ...common };
	const user = locals.user;
	return {
		state: 'pending' as const,
		...common,
		email: invitation.email,
		name: invitation.name,
		teamRole: invitation.teamRole,
		agency: invitation.agency,
		accountExists: invitation.accountExists,
		signedInAs: user ? { name: user.name, email: user.email } : null,
		isInvitedAccount: user !== null && isInvitedAddress(user.email, invitation.email)
	};
};

export const actions: Actions = {
	/** Someone new: create the account with the invited address, then join the team. */
	create: async (event) => {
		const { request, locals, params } = event;
		const form = validateForm(NewAccountForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const result = await acceptInvitationWithNewAccount(locals.db, params.token, form.data);
		if (!result.ok) {
			if (result.reason === 'password') {
				const values = { name: form.data.name };
				return fail(400, { errors: { password: result.message }, values });
			}
			// Any other refusal: the page, loaded again, explains the invitation's state.
			return fail(409, { refused: result.reason });
		}
		await startSession(event, result.userId);
		locals.logger.info({ userId: result.userId }, 'invitation accepted with a new account');
		redirect(303, `/children/${result.childId}`);
	},
	/** Someone signed in with the invited address: join the team. */
	accept: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, `/sign-in?redirectTo=${encodeURIComponent(url.pathname)}`);
		const result = await acceptInvitationAsUser(locals.db, params.token, locals.user);
		if (!result.ok) return fail(409, { refused: result.reason });
		locals.logger.info({ userId: locals.user.id }, 'invitation accepted');
		redirect(303, `/children/${result.childId}`);
	},
	/** Signed in as someone else: sign out here and show the invitation again. */
	signOut: async ({ locals, cookies, url }) => {
		const session = locals.session ?? locals.twoFactorPending?.session;
		if (session) await invalidateSession(locals.db, session.id);
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, url.pathname);
	}
};
