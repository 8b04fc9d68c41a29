import { and, eq } from 'drizzle-orm';
import { memberships, organisationInvitations, organisations, users } from '../../db/schema.ts';
import type { MemberRole } from '../../../shared/domain/roles.ts';
import { organisationInvitationEmail } from '../../mail/templates.ts';
import {
	assertMayManageMembers,
	type ManagedOrganisation
} from '../organisationMembers/context.ts';
import type { InvitationScope } from './scope.ts';

/**
 * Invitations to be a member (staff, not families) of an organisation. Accepting one makes
 * the person a member with the invited role, and nothing else. Someone who is already a
 * member keeps the role they have: an invitation never changes a role (admins do that on
 * the members page, audited). Organisation invitations have their own page: team
 * invitations add a child, these a membership.
 */
export const organisationScope: InvitationScope<
	typeof organisationInvitations,
	ManagedOrganisation,
	{ role: MemberRole }
> = {
	table: organisationInvitations,
	targetColumn: organisationInvitations.organisationId,
	linkPath: '/organisation/invitations',
	auditAction: 'organisationInvitation',
	auditSubject: 'organisation',
	emailFailure: 'the organisation invitation email could not be sent',

	assertMayManage: (actor, organisation) => assertMayManageMembers(actor, organisation.id),

	targetName: (organisation) => organisation.name,

	async findTargetName(db, organisationId) {
		const [organisation] = await db
			.select({ name: organisations.name })
			.from(organisations)
			.where(eq(organisations.id, organisationId));
		return organisation?.name ?? null;
	},

	async alreadyBelongs(db, organisation, email) {
		const [member] = await db
			.select({ name: users.name })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(and(eq(memberships.organisationId, organisation.id), eq(users.email, email)));
		return member ? `${member.name} is already a member of ${organisation.name}` : null;
	},

	newRow: (organisation, { role }) => ({ organisationId: organisation.id, role }),
	detailsOf: (row) => ({ role: row.role }),
	targetIdOf: (row) => row.organisationId,

	email: ({ targetName, ...invitation }) =>
		organisationInvitationEmail({ ...invitation, organisationName: targetName }),

	async grant(tx, invitation, userId) {
		const joined = await tx
			.insert(memberships)
			.values({ organisationId: invitation.organisationId, userId, role: invitation.role })
			.onConflictDoNothing()
			.returning({ userId: memberships.userId });
		return { role: invitation.role, alreadyMember: joined.length === 0 };
	}
};
