import { and, eq, isNull } from 'drizzle-orm';
import { children, invitations, teamMembers, users } from '../../db/schema.ts';
import { invitationEmail } from '../../mail/templates.ts';
import { can } from '../../policy.ts';
import { knownAs } from '../../../shared/domain/childNames.ts';
import { childResource } from '../children/childResource.ts';
import { NotAllowedError } from './context.ts';
import type { InvitationScope } from './scope.ts';

/** The child, as far as invitations need it: its first name is all an email may carry. */
export interface InvitingChild {
	id: string;
	organisationId: string;
	firstName: string;
	preferredName: string | null;
}

/** The place in the team an invitation offers. */
export interface TeamPlace {
	teamRole: string;
	agency: string;
}

/**
 * Invitations to a child's team. Accepting one adds the person to the team with the
 * invited role and agency, and nothing else: families never become organisation members,
 * and someone already in the team keeps the place they have.
 */
export const childTeamScope: InvitationScope<typeof invitations, InvitingChild, TeamPlace> = {
	table: invitations,
	targetColumn: invitations.childId,
	linkPath: '/invitations',
	auditAction: 'invitation',
	auditSubject: 'child',
	emailFailure: 'the invitation email could not be sent',

	assertMayManage(actor, child) {
		if (!can(actor, 'child.invite', childResource(child))) {
			throw new NotAllowedError('The policy does not allow this person to invite to this team.');
		}
	},

	targetName: knownAs,

	async findTargetName(db, childId) {
		const [child] = await db
			.select({ firstName: children.firstName, preferredName: children.preferredName })
			.from(children)
			.where(and(eq(children.id, childId), isNull(children.deletedAt)));
		return child ? knownAs(child) : null;
	},

	async alreadyBelongs(db, child, email) {
		const [member] = await db
			.select({ name: users.name })
			.from(teamMembers)
			.innerJoin(users, eq(users.id, teamMembers.userId))
			.where(and(eq(teamMembers.childId, child.id), eq(users.email, email)));
		return member ? `${member.name} is already in ${knownAs(child)}'s team` : null;
	},

	newRow: (child, place) => ({ childId: child.id, teamRole: place.teamRole, agency: place.agency }),
	detailsOf: (row) => ({ teamRole: row.teamRole, agency: row.agency }),
	targetIdOf: (row) => row.childId,

	email: ({ targetName, ...invitation }) =>
		invitationEmail({ ...invitation, childFirstName: targetName }),

	async grant(tx, invitation, userId) {
		const place = { teamRole: invitation.teamRole, agency: invitation.agency };
		await tx
			.insert(teamMembers)
			.values({ childId: invitation.childId, userId, ...place })
			.onConflictDoNothing();
		return place;
	}
};
