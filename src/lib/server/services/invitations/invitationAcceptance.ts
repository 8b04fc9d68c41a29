import { isLinkTokenShaped } from '../../auth/linkTokens.ts';
import { hashPassword } from '../../auth/password.ts';
import { passwordProblem } from '../../auth/passwordPolicy.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { normaliseEmail } from '../signIn.ts';
import type { InvitationStatus } from './invitationStatus.ts';

/**
 * Accepting an emailed invitation, whatever it grants (a place in a child's team, a
 * membership of an organisation): the link is claimed with one conditional update, so it
 * works exactly once, and only for the invited address; a new account is made in the
 * same transaction, so a failure leaves neither behind. Tested through both kinds:
 * acceptInvitation.test.ts and organisationMembers/acceptOrganisationInvitation.test.ts.
 */

/** Whether an account's address is the invited one (invitations hold it normalised). */
export function isInvitedAddress(accountEmail: string, invitedEmail: string): boolean {
	return normaliseEmail(accountEmail) === invitedEmail;
}

export type AcceptRefusal =
	| 'unknown'
	| 'accepted'
	| 'expired'
	| 'revoked'
	/** Signed in with an account whose email is not the invited one. */
	| 'wrongAccount'
	/** A new account was asked for, but the address already has one: sign in instead. */
	| 'accountExists';

export type Acceptance<Claimed> =
	| { ok: true; userId: string; invitation: Claimed }
	| { ok: false; reason: AcceptRefusal }
	| { ok: false; reason: 'password'; message: string };

export interface AcceptanceSteps<Claimed> {
	/** The invitation as its page shows it, or null for a token that matches none. */
	find(
		db: Database,
		token: string,
		now: Date
	): Promise<{ status: InvitationStatus; email: string; accountExists: boolean } | null>;
	/** Marks it accepted by the user if it is pending and for their address; null if not. */
	claim(
		tx: Database,
		token: string,
		userId: string,
		email: string,
		now: Date
	): Promise<Claimed | null>;
	/** Grants what the invitation offers, and records it in the audit trail. */
	grant(tx: Database, invitation: Claimed, userId: string, newAccount: boolean): Promise<void>;
}

/** Thrown inside the transaction to roll it back, with the reason to report. */
class AbandonAcceptance extends Error {
	reason: 'accountExists' | 'unclaimed';
	constructor(reason: 'accountExists' | 'unclaimed') {
		super(reason);
		this.reason = reason;
	}
}

export function invitationAcceptance<Claimed>(steps: AcceptanceSteps<Claimed>) {
	/** Why a token could not be claimed, for the page to explain. */
	async function refusalFor(
		db: Database,
		token: string,
		now: Date,
		signedIn: boolean
	): Promise<AcceptRefusal> {
		const invitation = await steps.find(db, token, now);
		if (!invitation) return 'unknown';
		if (invitation.status === 'pending') return signedIn ? 'wrongAccount' : 'unknown';
		return invitation.status;
	}

	return {
		/** For someone already signed in: their email must be the invited one. */
		async asUser(
			db: Database,
			token: string,
			user: { id: string; email: string },
			now = new Date()
		): Promise<Acceptance<Claimed>> {
			if (!isLinkTokenShaped(token)) return { ok: false, reason: 'unknown' };
			const email = normaliseEmail(user.email);
			const accepted = await db.transaction(async (tx) => {
				const invitation = await steps.claim(tx, token, user.id, email, now);
				if (invitation) await steps.grant(tx, invitation, user.id, false);
				return invitation;
			});
			if (accepted) return { ok: true, userId: user.id, invitation: accepted };
			return { ok: false, reason: await refusalFor(db, token, now, true) };
		},

		/** Creates the invited person's account (name and password of their choice) and accepts. */
		async withNewAccount(
			db: Database,
			token: string,
			account: { name: string; password: string },
			now = new Date()
		): Promise<Acceptance<Claimed>> {
			const invitation = await steps.find(db, token, now);
			if (!invitation) return { ok: false, reason: 'unknown' };
			if (invitation.status !== 'pending') return { ok: false, reason: invitation.status };
			if (invitation.accountExists) return { ok: false, reason: 'accountExists' };
			const problem = passwordProblem(account.password, invitation.email);
			if (problem) return { ok: false, reason: 'password', message: problem };

			const passwordHash = await hashPassword(account.password);
			try {
				return await db.transaction(async (tx) => {
					const [user] = await tx
						.insert(users)
						.values({
							email: invitation.email,
							name: account.name.trim(),
							passwordHash,
							createdAt: now
						})
						.onConflictDoNothing()
						.returning({ id: users.id });
					// Someone created the account since the page was shown: they must sign in.
					if (!user) throw new AbandonAcceptance('accountExists');
					const claimed = await steps.claim(tx, token, user.id, invitation.email, now);
					if (!claimed) throw new AbandonAcceptance('unclaimed');
					await steps.grant(tx, claimed, user.id, true);
					return { ok: true as const, userId: user.id, invitation: claimed };
				});
			} catch (error) {
				if (!(error instanceof AbandonAcceptance)) throw error;
				if (error.reason === 'accountExists') return { ok: false, reason: 'accountExists' };
				return { ok: false, reason: await refusalFor(db, token, now, false) };
			}
		}
	};
}
