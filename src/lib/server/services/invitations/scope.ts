import type { Database } from '../../db/client.ts';
import type { invitations, organisationInvitations } from '../../db/schema.ts';
import type { EmailContent } from '../../mail/templates.ts';
import type { Actor } from '../../policy.ts';

/**
 * What differs between an invitation to a child's team and one to an organisation. The
 * operations (create, send again, cancel, find by token, accept, list) are written once,
 * against the columns both tables share; a scope supplies the rest: its table, who may
 * manage its invitations, the email, the role it offers, what acceptance grants and the
 * names of its audit events. See childTeamScope.ts and organisationScope.ts.
 */

/** Either invitations table: both have the same columns apart from what they invite to. */
export type InvitationTable = typeof invitations | typeof organisationInvitations;
export type InvitationRow = InvitationTable['$inferSelect'];
/** The table's column naming the child or organisation an invitation is to. */
export type TargetColumn<Table extends InvitationTable> = Table extends typeof invitations
	? Table['childId']
	: Table extends typeof organisationInvitations
		? Table['organisationId']
		: never;

/** The columns every invitation has, which the shared operations fill in themselves. */
type SharedColumn =
	| 'id'
	| 'tokenHash'
	| 'email'
	| 'name'
	| 'invitedBy'
	| 'expiresAt'
	| 'lastSentAt'
	| 'acceptedAt'
	| 'acceptedBy'
	| 'revokedAt'
	| 'createdAt';

/** The child or organisation invited to, as far as invitations need it. */
export interface InvitationTarget {
	id: string;
}

export interface InvitationScope<
	Table extends InvitationTable = InvitationTable,
	Target extends InvitationTarget = InvitationTarget,
	Details extends object = object
> {
	table: Table;
	targetColumn: TargetColumn<Table>;
	/** The page an invitation link opens, e.g. "/invitations" (the token follows). */
	linkPath: string;
	/** The audit trail's names: `${auditAction}.created`, `.resent`, `.revoked`, `.accepted`. */
	auditAction: string;
	/** The audit trail's subject: the child or the organisation invited to. */
	auditSubject: 'child' | 'organisation';
	/** Throws NotAllowedError unless the policy lets the actor manage these invitations. */
	assertMayManage(actor: Actor, target: Target): void;
	/** How the invitation and its email name the target: a child's first name, an organisation's name. */
	targetName(target: Target): string;
	/** The target's name for the page a link opens, or null when it is gone. */
	findTargetName(db: Database, targetId: string): Promise<string | null>;
	/** Why the address cannot be invited because its owner already belongs, or null. */
	alreadyBelongs(db: Database, target: Target, email: string): Promise<string | null>;
	/** The scope's own columns of a new invitation: what it is to, and the role offered. */
	newRow(target: Target, details: Details): Omit<Table['$inferInsert'], SharedColumn>;
	/** The role offered, as the invitation records it. */
	detailsOf(row: Table['$inferSelect']): Details;
	targetIdOf(row: Table['$inferSelect']): string;
	email(invitation: {
		recipientName: string;
		senderName: string;
		targetName: string;
		link: string;
		expiresAt: Date;
	}): EmailContent;
	/** What the log says when the email could not be sent. */
	emailFailure: string;
	/**
	 * Grants what an accepted invitation offers, never changing what the person already
	 * has; returns what the audit event of the acceptance should add.
	 */
	grant(
		tx: Database,
		invitation: Table['$inferSelect'],
		userId: string
	): Promise<Record<string, unknown>>;
}

/**
 * The shared operations query either table through the union type, which forgets which
 * table a row came from; every row they hand a scope was read from that scope's table.
 */
export function scopeRow<Table extends InvitationTable>(
	_scope: { table: Table },
	row: InvitationRow
): Table['$inferSelect'] {
	return row as Table['$inferSelect'];
}
