import * as v from 'valibot';
import { MEMBER_ROLES } from '../../../shared/domain/roles.ts';

/** An unchecked radio sends nothing at all: treated as an empty choice, with its message. */
const role = v.pipe(
	v.optional(v.string(), ''),
	v.picklist(MEMBER_ROLES, 'Select their role in the organisation')
);

/** The "invite someone to the organisation" form. */
export const MemberInvitationForm = v.object({
	name: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter the name of the person you are inviting'),
		v.maxLength(200, 'Name must be 200 characters or fewer')
	),
	email: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter their email address'),
		v.maxLength(320, 'Email address must be 320 characters or fewer'),
		v.email('Enter an email address in the correct format, like name@example.com'),
		v.toLowerCase()
	),
	role
});

export type MemberInvitationInput = v.InferOutput<typeof MemberInvitationForm>;

/** The "change role" form on each member's row. */
export const ChangeRoleForm = v.object({
	userId: v.pipe(v.string(), v.uuid('Choose a member')),
	role
});
