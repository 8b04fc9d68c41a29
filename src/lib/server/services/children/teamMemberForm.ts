import * as v from 'valibot';
import { TEAM_ROLES } from '../../../shared/domain/roles.ts';

/** Changing someone's place in a child's team: their team role and their agency. */
export const TeamMemberForm = v.object({
	teamRole: v.picklist(TEAM_ROLES, 'Select a role in the team'),
	agency: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter the organisation or service, or ‘Family’ for a family member'),
		v.maxLength(200, 'Organisation or service must be 200 characters or fewer')
	)
});
