import * as v from 'valibot';
import { MEMBER_ROLES } from '../../../shared/domain/roles.ts';
import { inviteeFields } from '../invitations/invitationForm.ts';

/** An unchecked radio sends nothing at all: treated as an empty choice, with its message. */
const role = v.pipe(
	v.optional(v.string(), ''),
	v.picklist(MEMBER_ROLES, 'Select their role in the organisation')
);

/** The "invite someone to the organisation" form. */
export const MemberInvitationForm = v.object({
	...inviteeFields,
	role
});

/** The "change role" form on each member's row. */
export const ChangeRoleForm = v.object({
	userId: v.pipe(v.string(), v.uuid('Choose a member')),
	role
});
