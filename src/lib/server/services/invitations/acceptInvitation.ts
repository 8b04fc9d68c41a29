import { and, eq, gt, isNull } from 'drizzle-orm';
import { hashLinkToken, isLinkTokenShaped } from '../../auth/linkTokens.ts';
import { hashPassword } from '../../auth/password.ts';
import { passwordProblem } from '../../auth/passwordPolicy.ts';
import type { Database } from '../../db/client.ts';
import { invitations, teamMembers, users } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { findInvitationByToken } from './findInvitationByToken.ts';

/**
 * Accepting an invitation adds the person to the child's team with the invited role and
 * agency, and nothing else: families never become organisation members, and someone
 * already in the team keeps the place they have (an invitation never changes a role).
 * The invitation is claimed with one conditional update, so a link works exactly once.
 */

export type AcceptRefusal =
	| 'unknown'
	| 'accepted'
	| 'expired'
	| 'revoked'
	/** Signed in with an account whose email is not the invited one. */
	| 'wrongAccount'
	/** A new account was asked for, but the address already has one: sign in instead. */
	| 'accountExists';

export type AcceptResult =
	| { ok: true; userId: string; childId: string }
	| { ok: false; reason: AcceptRefusal }
	| { ok: false; reason: 'password'; message: string };

/** Why a token could not be claimed, for the page to explain. */
async function refusalFor(
	db: Database,
	token: string,
	now: Date,
	signedIn: boolean
): Promise<AcceptRefusal> {
	const invitation = await findInvitationByToken(db, token, now);
	if (!invitation) return 'unknown';
	if (invitation.status === 'pending') return signedIn ? 'wrongAccount' : 'unknown';
	return invitation.status;
}

/** Marks the invitation accepted by the user, if it is pending and for their email address. */
async function claim(tx: Database, token: string, userId: string, email: string, now: Date) {
	const [invitation] = await tx
		.update(invitations)
		.set({ acceptedAt: now, acceptedBy: userId })
		.where(
			and(
				eq(invitations.tokenHash, hashLinkToken(token)),
				eq(invitations.email, email),
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, now)
			)
		)
		.returning();
	return invitation ?? null;
}

async function joinTeam(
	tx: Database,
	invitation: typeof invitations.$inferSelect,
	userId: string,
	newAccount: boolean
): Promise<void> {
	await tx
		.insert(teamMembers)
		.values({
			childId: invitation.childId,
			userId,
			teamRole: invitation.teamRole,
			agency: invitation.agency
		})
		.onConflictDoNothing();
	await recordAuditEvent(tx, {
		actorId: userId,
		action: 'invitation.accepted',
		subjectType: 'child',
		subjectId: invitation.childId,
		details: {
			invitationId: invitation.id,
			teamRole: invitation.teamRole,
			agency: invitation.agency,
			newAccount
		}
	});
}

/** Accepts the invitation for someone already signed in (their email must be the invited one). */
export async function acceptInvitationAsUser(
	db: Database,
	token: string,
	user: { id: string; email: string },
	now = new Date()
): Promise<AcceptResult> {
	if (!isLinkTokenShaped(token)) return { ok: false, reason: 'unknown' };
	const email = user.email.trim().toLowerCase();
	const accepted = await db.transaction(async (tx) => {
		const invitation = await claim(tx, token, user.id, email, now);
		if (invitation) await joinTeam(tx, invitation, user.id, false);
		return invitation;
	});
	if (accepted) return { ok: true, userId: user.id, childId: accepted.childId };
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
export async function acceptInvitationWithNewAccount(
	db: Database,
	token: string,
	account: { name: string; password: string },
	now = new Date()
): Promise<AcceptResult> {
	const invitation = await findInvitationByToken(db, token, now);
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
			await joinTeam(tx, claimed, user.id, true);
			return { ok: true as const, userId: user.id, childId: claimed.childId };
		});
	} catch (error) {
		if (!(error instanceof AbandonAcceptance)) throw error;
		if (error.reason === 'accountExists') return { ok: false, reason: 'accountExists' };
		return { ok: false, reason: await refusalFor(db, token, now, false) };
	}
}
