import { and, eq, gt, isNull } from 'drizzle-orm';
import { generateLinkToken, hashLinkToken } from '../../auth/linkTokens.ts';
import { invitations, teamMembers, users } from '../../db/schema.ts';
import type { FieldErrors } from '../../forms.ts';
import { knownAs } from '../../../shared/domain/childNames.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import {
	assertMayInvite,
	type InvitationContext,
	type Inviter,
	type InvitingChild
} from './context.ts';
import type { InvitationInput } from './invitationForm.ts';
import { INVITATION_LIFETIME_MS } from './invitationStatus.ts';
import { sendInvitationEmail } from './sendInvitationEmail.ts';

export type CreateInvitationResult =
	{ ok: true; invitationId: string; emailSent: boolean } | { ok: false; errors: FieldErrors };

/**
 * Invites someone to a child's team: saves the invitation (only the token's hash) and
 * emails them the link. Refuses someone already in the team, and a second invitation
 * while one to the same address is still waiting (that one can be sent again instead).
 */
export async function createInvitation(
	context: InvitationContext,
	inviter: Inviter,
	child: InvitingChild,
	invitee: InvitationInput,
	now = new Date()
): Promise<CreateInvitationResult> {
	assertMayInvite(inviter, child);
	const { db } = context;
	const email = invitee.email.trim().toLowerCase();
	const childName = knownAs(child);

	const [member] = await db
		.select({ name: users.name })
		.from(teamMembers)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.where(and(eq(teamMembers.childId, child.id), eq(users.email, email)));
	if (member) {
		return { ok: false, errors: { email: `${member.name} is already in ${childName}'s team` } };
	}
	const [waiting] = await db
		.select({ id: invitations.id })
		.from(invitations)
		.where(
			and(
				eq(invitations.childId, child.id),
				eq(invitations.email, email),
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, now)
			)
		);
	if (waiting) {
		return {
			ok: false,
			errors: {
				email:
					'An invitation to this email address is already waiting for a reply. Use ‘Send again’ in the list of invitations instead'
			}
		};
	}

	const token = generateLinkToken();
	const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
	const invitationId = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(invitations)
			.values({
				tokenHash: hashLinkToken(token),
				childId: child.id,
				email,
				name: invitee.name,
				teamRole: invitee.teamRole,
				agency: invitee.agency,
				invitedBy: inviter.actor.id,
				expiresAt,
				lastSentAt: now,
				createdAt: now
			})
			.returning({ id: invitations.id });
		if (!row) throw new Error('The invitation was not saved.');
		await recordAuditEvent(tx, {
			actorId: inviter.actor.id,
			action: 'invitation.created',
			subjectType: 'child',
			subjectId: child.id,
			details: { invitationId: row.id, email, teamRole: invitee.teamRole, agency: invitee.agency }
		});
		return row.id;
	});

	const emailSent = await sendInvitationEmail(context, {
		to: email,
		recipientName: invitee.name,
		senderName: inviter.name,
		childFirstName: childName,
		token,
		expiresAt
	});
	return { ok: true, invitationId, emailSent };
}
