import * as v from 'valibot';
import { TEAM_ROLES, isFamilyRole } from '../../../shared/domain/roles.ts';

/** The agency recorded for a parent, carer or young person when none is given. */
export const FAMILY_AGENCY = 'Family';

/** Who is invited, whatever to: the fields every invitation form starts with. */
export const inviteeFields = {
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
	)
};

/** The "invite someone to the team" form. */
export const InvitationForm = v.pipe(
	v.object({
		...inviteeFields,
		teamRole: v.picklist(TEAM_ROLES, 'Select their role in the team'),
		agency: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.maxLength(200, 'Organisation must be 200 characters or fewer')
		)
	}),
	v.forward(
		v.partialCheck(
			[['teamRole'], ['agency']],
			(input) => isFamilyRole(input.teamRole) || input.agency !== '',
			'Enter the organisation or service they work for'
		),
		['agency']
	),
	v.transform((input) => ({
		...input,
		agency: input.agency === '' ? FAMILY_AGENCY : input.agency
	}))
);

export type InvitationInput = v.InferOutput<typeof InvitationForm>;
