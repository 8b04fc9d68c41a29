import { and, eq, gt, isNull } from 'drizzle-orm';
import { hashLinkToken } from '../../auth/linkTokens.ts';
import type { Database } from '../../db/client.ts';
import { invitations, teamMembers } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { findInvitationByToken } from './findInvitationByToken.ts';
import {
	invitationAcceptance,
	type Acceptance,
	type AcceptRefusal
} from './invitationAcceptance.ts';

/**
 * Accepting an invitation adds the person to the child's team with the invited role and
 * agency, and nothing else: families never become organisation members, and someone
 * already in the team keeps the place they have (an invitation never changes a role).
 * The acceptance itself (claimed once, new account in the same transaction) is shared
 * with organisation invitations: see invitationAcceptance.ts.
 */

export type { AcceptRefusal };

export type AcceptResult =
	| { ok: true; userId: string; childId: string }
	| { ok: false; reason: AcceptRefusal }
	| { ok: false; reason: 'password'; message: string };

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

const acceptance = invitationAcceptance({ find: findInvitationByToken, claim, grant: joinTeam });

function teamResult(result: Acceptance<typeof invitations.$inferSelect>): AcceptResult {
	return result.ok
		? { ok: true, userId: result.userId, childId: result.invitation.childId }
		: result;
}

/** Accepts the invitation for someone already signed in (their email must be the invited one). */
export async function acceptInvitationAsUser(
	db: Database,
	token: string,
	user: { id: string; email: string },
	now = new Date()
): Promise<AcceptResult> {
	return teamResult(await acceptance.asUser(db, token, user, now));
}

/** Creates the invited person's account (name and password of their choice) and accepts. */
export async function acceptInvitationWithNewAccount(
	db: Database,
	token: string,
	account: { name: string; password: string },
	now = new Date()
): Promise<AcceptResult> {
	return teamResult(await acceptance.withNewAccount(db, token, account, now));
}
