import type { Database } from '../../../db/client.ts';
import type { MemberRole } from '../../../../shared/domain/roles.ts';
import { tokenMailedTo } from '../../../mail/testing/outbox.ts';
import type { MembersWorld } from '../../organisationMembers/testing/membersWorld.ts';
import { createInvitation } from '../createInvitation.ts';
import { organisationScope } from '../organisationScope.ts';

export const INVITATION_PATH = '/organisation/invitations';

/** Invites an address as the world's admin; the id and the token from the emailed link. */
export async function inviteMember(
	db: Database,
	world: MembersWorld,
	email: string,
	role: MemberRole = 'professional',
	now = new Date()
): Promise<{ id: string; token: string }> {
	const result = await createInvitation(
		organisationScope,
		world.context,
		world.admin,
		world.organisation,
		{ name: 'Jo Invited', email, role },
		now
	);
	if (!result.ok) throw new Error(`not invited: ${JSON.stringify(result.errors)}`);
	return { id: result.invitationId, token: await tokenMailedTo(db, email, INVITATION_PATH) };
}
