import { and, eq, gt, isNull } from 'drizzle-orm';
import { hashLinkToken, isLinkTokenShaped } from '../../auth/linkTokens.ts';
import { hashPassword } from '../../auth/password.ts';
import { passwordProblem } from '../../auth/passwordPolicy.ts';
import type { Database } from '../../db/client.ts';
import { memberships, organisationInvitations, users } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { AcceptRefusal } from '../invitations/acceptInvitation.ts';
import { findOrganisationInvitationByToken } from './findOrganisationInvitationByToken.ts';

/**
 * Accepting an organisation invitation makes the person a member with the invited role,
 * and nothing else. Someone who is already a member keeps the role they have: an
 * invitation never changes a role (admins do that on the members page, audited). The
 * invitation is claimed with one conditional update, so a link works exactly once.
 */

export type AcceptOrganisationResult =
	| { ok: true; userId: string; organisationId: string }
	| { ok: false; reason: AcceptRefusal }
	| { ok: false; reason: 'password'; message: string };

/** Why a token could not be claimed, for the page to explain. */
async function refusalFor(
	db: Database,
	token: string,
	now: Date,
	signedIn: boolean
): Promise<AcceptRefusal> {
	const invitation = await findOrganisationInvitationByToken(db, token, now);
	if (!invitation) return 'unknown';
	if (invitation.status === 'pending') return signedIn ? 'wrongAccount' : 'unknown';
	return invitation.status;
}

/** Marks the invitation accepted by the user, if it is pending and for their email address. */
async function claim(tx: Database, token: string, userId: string, email: string, now: Date) {
	const [invitation] = await tx
		.update(organisationInvitations)
		.set({ acceptedAt: now, acceptedBy: userId })
		.where(
			and(
				eq(organisationInvitations.tokenHash, hashLinkToken(token)),
				eq(organisationInvitations.email, email),
				isNull(organisationInvitations.acceptedAt),
				isNull(organisationInvitations.revokedAt),
				gt(organisationInvitations.expiresAt, now)
			)
		)
		.returning();
	return invitation ?? null;
}

async function join(
	tx: Database,
	invitation: typeof organisationInvitations.$inferSelect,
	userId: string,
	newAccount: boolean
): Promise<void> {
	const joined = await tx
		.insert(memberships)
		.values({ organisationId: invitation.organisationId, userId, role: invitation.role })
		.onConflictDoNothing()
		.returning({ userId: memberships.userId });
	await recordAuditEvent(tx, {
		actorId: userId,
		action: 'organisationInvitation.accepted',
		subjectType: 'organisation',
		subjectId: invitation.organisationId,
		details: {
			invitationId: invitation.id,
			role: invitation.role,
			newAccount,
			alreadyMember: joined.length === 0
		}
	});
}

/** Accepts the invitation for someone already signed in (their email must be the invited one). */
export async function acceptOrganisationInvitationAsUser(
	db: Database,
	token: string,
	user: { id: string; email: string },
	now = new Date()
): Promise<AcceptOrganisationResult> {
	if (!isLinkTokenShaped(token)) return { ok: false, reason: 'unknown' };
	const email = user.email.trim().toLowerCase();
	const accepted = await db.transaction(async (tx) => {
		const invitation = await claim(tx, token, user.id, email, now);
		if (invitation) await join(tx, invitation, user.id, false);
		return invitation;
	});
	if (accepted) return { ok: true, userId: user.id, organisationId: accepted.organisationId };
	return { ok: false, reason: await refusalFor(db, token, now, true) };
}

/** Thrown inside the transaction to roll it back, with the reason to report. */
class AbandonAcceptance extends Error {
	reason: 'accountExists' | 'unclaimed';
	constructor(reason: 'accountExists' | 'unclaimed') {
		super(reason);
		this.reason = reason;
	}
}

/** Creates the invited person's account (name and password of their choice) and accepts. */
export async function acceptOrganisationInvitationWithNewAccount(
	db: Database,
	token: string,
	account: { name: string; password: string },
	now = new Date()
): Promise<AcceptOrganisationResult> {
	const invitation = await findOrganisationInvitationByToken(db, token, now);
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
			const claimed = await claim(tx, token, user.id, invitation.email, now);
			if (!claimed) throw new AbandonAcceptance('unclaimed');
			await join(tx, claimed, user.id, true);
			return { ok: true as const, userId: user.id, organisationId: claimed.organisationId };
		});
	} catch (error) {
		if (!(error instanceof AbandonAcceptance)) throw error;
		if (error.reason === 'accountExists') return { ok: false, reason: 'accountExists' };
		return { ok: false, reason: await refusalFor(db, token, now, false) };
	}
}
