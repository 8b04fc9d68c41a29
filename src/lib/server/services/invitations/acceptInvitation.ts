import { and, eq, gt, isNull } from 'drizzle-orm';
import { hashLinkToken, isLinkTokenShaped } from '../../auth/linkTokens.ts';
import { hashPassword } from '../../auth/password.ts';
import { passwordProblem } from '../../auth/passwordPolicy.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { normaliseEmail } from '../signIn.ts';
import { findInvitationByToken } from './findInvitationByToken.ts';
import {
	scopeRow,
	type InvitationScope,
	type InvitationTable,
	type InvitationTarget
} from './scope.ts';

/**
 * Accepting an emailed invitation, whatever it grants (a place in a child's team, a
 * membership of an organisation: the scope's grant, which never changes what the person
 * already has). The link is claimed with one conditional update, so it works exactly
 * once, and only for the invited address; a new account is made in the same
 * transaction, so a failure leaves neither behind.
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
	/** targetId: the child or organisation joined; invitationId: the invitation accepted. */
	| { ok: true; userId: string; targetId: string; invitationId: string }
	| { ok: false; reason: AcceptRefusal }
	| { ok: false; reason: 'password'; message: string };

type Scope<Table extends InvitationTable> = InvitationScope<Table, InvitationTarget, object>;

/** Marks the invitation accepted by the user, if it is pending and for their email address. */
async function claim<Table extends InvitationTable>(
	scope: Scope<Table>,
	tx: Database,
	token: string,
	userId: string,
	email: string,
	now: Date
): Promise<Table['$inferSelect'] | null> {
	const table: InvitationTable = scope.table;
	const [invitation] = await tx
		.update(table)
		.set({ acceptedAt: now, acceptedBy: userId })
		.where(
			and(
				eq(table.tokenHash, hashLinkToken(token)),
				eq(table.email, email),
				isNull(table.acceptedAt),
				isNull(table.revokedAt),
				gt(table.expiresAt, now)
			)
		)
		.returning();
	return invitation ? scopeRow(scope, invitation) : null;
}

/** Grants what the invitation offers, and records it in the audit trail. */
async function grant<Table extends InvitationTable>(
	scope: Scope<Table>,
	tx: Database,
	invitation: Table['$inferSelect'],
	userId: string,
	newAccount: boolean
): Promise<string> {
	const granted = await scope.grant(tx, invitation, userId);
	const targetId = scope.targetIdOf(invitation);
	await recordAuditEvent(tx, {
		actorId: userId,
		action: `${scope.auditAction}.accepted`,
		subjectType: scope.auditSubject,
		subjectId: targetId,
		details: { invitationId: invitation.id, ...granted, newAccount }
	});
	return targetId;
}

/** Why a token could not be claimed, for the page to explain. */
async function refusalFor<Table extends InvitationTable>(
	scope: Scope<Table>,
	db: Database,
	token: string,
	now: Date,
	signedIn: boolean
): Promise<AcceptRefusal> {
	const invitation = await findInvitationByToken(scope, db, token, now);
	if (!invitation) return 'unknown';
	if (invitation.status === 'pending') return signedIn ? 'wrongAccount' : 'unknown';
	return invitation.status;
}

/** Whether an account's address is the invited one (invitations hold it normalised). */
export function isInvitedAddress(accountEmail: string, invitedEmail: string): boolean {
	return normaliseEmail(accountEmail) === invitedEmail;
}

/** Accepts the invitation for someone already signed in (their email must be the invited one). */
export async function acceptInvitationAsUser<Table extends InvitationTable>(
	scope: Scope<Table>,
	db: Database,
	token: string,
	user: { id: string; email: string },
	now = new Date()
): Promise<AcceptResult> {
	if (!isLinkTokenShaped(token)) return { ok: false, reason: 'unknown' };
	const email = normaliseEmail(user.email);
	const accepted = await db.transaction(async (tx) => {
		const invitation = await claim(scope, tx, token, user.id, email, now);
		if (!invitation) return null;
		const targetId = await grant(scope, tx, invitation, user.id, false);
		return { targetId, invitationId: invitation.id };
	});
	if (accepted !== null) return { ok: true, userId: user.id, ...accepted };
	return { ok: false, reason: await refusalFor(scope, db, token, now, true) };
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
export async function acceptInvitationWithNewAccount<Table extends InvitationTable>(
	scope: Scope<Table>,
	db: Database,
	token: string,
	account: { name: string; password: string },
	now = new Date()
): Promise<AcceptResult> {
	const invitation = await findInvitationByToken(scope, db, token, now);
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
			const claimed = await claim(scope, tx, token, user.id, invitation.email, now);
			if (!claimed) throw new AbandonAcceptance('unclaimed');
			const targetId = await grant(scope, tx, claimed, user.id, true);
			return { ok: true as const, userId: user.id, targetId, invitationId: claimed.id };
		});
	} catch (error) {
		if (!(error instanceof AbandonAcceptance)) throw error;
		if (error.reason === 'accountExists') return { ok: false, reason: 'accountExists' };
		return { ok: false, reason: await refusalFor(scope, db, token, now, false) };
	}
}
