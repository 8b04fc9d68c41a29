import { and, eq, gt, isNull } from 'drizzle-orm';
import { hashLinkToken } from '../../auth/linkTokens.ts';
import type { Database } from '../../db/client.ts';
import { memberships, organisationInvitations } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import {
	invitationAcceptance,
	type Acceptance,
	type AcceptRefusal
} from '../invitations/invitationAcceptance.ts';
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

const acceptance = invitationAcceptance({
	find: findOrganisationInvitationByToken,
	claim,
	grant: join
});

function membershipResult(
	result: Acceptance<typeof organisationInvitations.$inferSelect>
): AcceptOrganisationResult {
	return result.ok
		? { ok: true, userId: result.userId, organisationId: result.invitation.organisationId }
		: result;
}

/** Accepts the invitation for someone already signed in (their email must be the invited one). */
export async function acceptOrganisationInvitationAsUser(
	db: Database,
	token: string,
	user: { id: string; email: string },
	now = new Date()
): Promise<AcceptOrganisationResult> {
	return membershipResult(await acceptance.asUser(db, token, user, now));
}

/** Creates the invited person's account (name and password of their choice) and accepts. */
export async function acceptOrganisationInvitationWithNewAccount(
	db: Database,
	token: string,
	account: { name: string; password: string },
	now = new Date()
): Promise<AcceptOrganisationResult> {
	return membershipResult(await acceptance.withNewAccount(db, token, account, now));
}
