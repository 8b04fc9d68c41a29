import type { invitations } from '../../db/schema.ts';
import { handoverInvitationEmail } from '../../mail/templates.ts';
import {
	childTeamScope,
	type InvitingChild,
	type TeamPlace
} from '../invitations/childTeamScope.ts';
import type { InvitationScope } from '../invitations/scope.ts';

/**
 * The receiving SENCo's invitation: an ordinary invitation to the child's team (same
 * table, same hashed token, same link page and sign-up), whose email says it is a
 * handover to their setting. Accepting it lands on the handover pack (see
 * routes/invitations/[token]).
 */
export function handoverInvitationScope(
	settingName: string
): InvitationScope<typeof invitations, InvitingChild, TeamPlace> {
	return {
		...childTeamScope,
		email: ({ targetName, ...invitation }) =>
			handoverInvitationEmail({ ...invitation, childFirstName: targetName, settingName })
	};
}
