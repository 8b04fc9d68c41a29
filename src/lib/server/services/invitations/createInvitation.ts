import { and, eq, gt, isNull } from 'drizzle-orm';
import { generateLinkToken, hashLinkToken } from '../../auth/linkTokens.ts';
import type { FieldErrors } from '../../forms.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { InvitationContext, Inviter } from './context.ts';
import { INVITATION_LIFETIME_MS } from './invitationStatus.ts';
import type { InvitationScope, InvitationTable, InvitationTarget } from './scope.ts';
import { sendInvitationEmail } from './sendInvitationEmail.ts';

export type CreateInvitationResult =
	{ ok: true; invitationId: string; emailSent: boolean } | { ok: false; errors: FieldErrors };

/** Who is invited, and the role the scope offers them. */
export type Invitee<Details> = { name: string; email: string } & Details;

/**
 * Invites someone to a child's team or an organisation: saves the invitation (only the
 * token's hash) and emails them the link. Refuses someone who already belongs, and a
 * second invitation while one to the same address is still waiting (that one can be
 * sent again instead).
 */
export async function createInvitation<Target extends InvitationTarget, Details extends object>(
	scope: InvitationScope<InvitationTable, Target, Details>,
	context: InvitationContext,
	inviter: Inviter,
	target: Target,
	invitee: Invitee<Details>,
	now = new Date()
): Promise<CreateInvitationResult> {
	scope.assertMayManage(inviter.actor, target);
	const { db } = context;
	const { name, email: typed, ...details } = invitee;
	const email = typed.trim().toLowerCase();

	const belongs = await scope.alreadyBelongs(db, target, email);
	if (belongs) return { ok: false, errors: { email: belongs } };
	const table: InvitationTable = scope.table;
	const [waiting] = await db
		.select({ id: table.id })
		.from(table)
		.where(
			and(
				eq(scope.targetColumn, target.id),
				eq(table.email, email),
				isNull(table.acceptedAt),
				isNull(table.revokedAt),
				gt(table.expiresAt, now)
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
			.insert(table)
			.values({
				...scope.newRow(target, invitee),
				tokenHash: hashLinkToken(token),
				email,
				name,
				invitedBy: inviter.actor.id,
				expiresAt,
				lastSentAt: now,
				createdAt: now
			})
			.returning({ id: table.id });
		if (!row) throw new Error('The invitation was not saved.');
		await recordAuditEvent(tx, {
			actorId: inviter.actor.id,
			action: `${scope.auditAction}.created`,
			subjectType: scope.auditSubject,
			subjectId: target.id,
			details: { invitationId: row.id, email, ...details }
		});
		return row.id;
	});

	const emailSent = await sendInvitationEmail(scope, context, {
		to: email,
		recipientName: name,
		senderName: inviter.name,
		targetName: scope.targetName(target),
		token,
		expiresAt
	});
	return { ok: true, invitationId, emailSent };
}
