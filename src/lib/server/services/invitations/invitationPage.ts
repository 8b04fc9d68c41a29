import { fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { deleteSessionCookie } from '../../auth/cookies.ts';
import { newPasswordField } from '../../auth/passwordPolicy.ts';
import { invalidateSession } from '../../auth/session.ts';
import { startSession } from '../../auth/startSession.ts';
import { validateForm } from '../../forms.ts';
import {
	acceptInvitationAsUser,
	acceptInvitationWithNewAccount,
	isInvitedAddress
} from './acceptInvitation.ts';
import { findInvitationByToken } from './findInvitationByToken.ts';
import type { InvitationScope, InvitationTable, InvitationTarget } from './scope.ts';

/**
 * The page an invitation link opens, for either scope (its URL stays the one the emails
 * carry). Looking at it changes nothing (mail scanners open links); accepting is a
 * button. What it offers depends on who is looking: someone new sets a name and
 * password; someone with an account signs in first; someone signed in as the invited
 * address joins with one button; someone signed in as anyone else is told the invitation
 * is not theirs and may sign out: it is never attached to the wrong account.
 */

type TokenParams = { token: string };

const NewAccountForm = v.object({
	name: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter your name'),
		v.maxLength(200, 'Name must be 200 characters or fewer')
	),
	password: newPasswordField('Choose a password')
});

export async function loadInvitationPage<
	Table extends InvitationTable,
	Target extends InvitationTarget,
	Details extends object
>(
	scope: InvitationScope<Table, Target, Details>,
	{ locals, params, setHeaders }: ServerLoadEvent<TokenParams>
) {
	setHeaders({ 'cache-control': 'no-store' });
	const invitation = await findInvitationByToken(scope, locals.db, params.token);
	if (!invitation) return { state: 'unknown' as const };
	const common = { targetName: invitation.targetName, inviterName: invitation.inviterName };
	if (invitation.status !== 'pending') return { state: invitation.status, ...common };
	const user = locals.user;
	return {
		state: 'pending' as const,
		...common,
		email: invitation.email,
		name: invitation.name,
		details: invitation.details,
		accountExists: invitation.accountExists,
		signedInAs: user ? { name: user.name, email: user.email } : null,
		isInvitedAccount: user !== null && isInvitedAddress(user.email, invitation.email)
	};
}

export interface InvitationPageOptions {
	/** Where someone goes once they have joined the child's team or the organisation. */
	joinedPath(targetId: string): string;
	/** How the log names this kind of invitation: "invitation", "organisation invitation". */
	logName: string;
	/**
	 * What else follows someone joining (e.g. their place in live meetings). A path it
	 * returns is where they land instead of joinedPath (a handover's pack, say).
	 */
	afterJoining?: (
		locals: App.Locals,
		targetId: string,
		userId: string,
		invitationId: string
	) => Promise<string | void>;
}

/** The page's form actions: create an account and join, join as the signed-in user, sign out. */
export function invitationPageActions<Table extends InvitationTable>(
	scope: InvitationScope<Table, InvitationTarget, object>,
	{ joinedPath, logName, afterJoining = async () => {} }: InvitationPageOptions
) {
	return {
		/** Someone new: create the account with the invited address, then join. */
		create: async (event: RequestEvent<TokenParams>) => {
			const { request, locals, params } = event;
			const form = validateForm(NewAccountForm, await request.formData());
			if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
			const result = await acceptInvitationWithNewAccount(
				scope,
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
			const landing = await afterJoining(
				locals,
				result.targetId,
				result.userId,
				result.invitationId
			);
			locals.logger.info({ userId: result.userId }, `${logName} accepted with a new account`);
			redirect(303, landing ?? joinedPath(result.targetId));
		},
		/** Someone signed in with the invited address: join. */
		accept: async ({ locals, params, url }: RequestEvent<TokenParams>) => {
			if (!locals.user) redirect(303, `/sign-in?redirectTo=${encodeURIComponent(url.pathname)}`);
			const result = await acceptInvitationAsUser(scope, locals.db, params.token, locals.user);
			if (!result.ok) return fail(409, { refused: result.reason });
			const landing = await afterJoining(
				locals,
				result.targetId,
				locals.user.id,
				result.invitationId
			);
			locals.logger.info({ userId: locals.user.id }, `${logName} accepted`);
			redirect(303, landing ?? joinedPath(result.targetId));
		},
		/** Signed in as someone else: sign out here and show the invitation again. */
		signOut: async ({ locals, cookies, url }: RequestEvent<TokenParams>) => {
			const session = locals.session ?? locals.twoFactorPending?.session;
			if (session) await invalidateSession(locals.db, session.id);
			await locals.live.sessionsEnded();
			deleteSessionCookie(cookies, url.protocol === 'https:');
			redirect(303, url.pathname);
		}
	};
}
