import type { MeetingType } from './meetingTypes.ts';
import { isEhcpReview } from './timeline.ts';

/**
 * Who the law says an EHCP review must invite, by the team roles that count for each.
 * People recorded only as "Other" cannot be placed, so are not counted.
 */
export const STATUTORY_INVITEES_SOURCE =
	'SEND Regulations 2014, regulation 20(3); SEND Code of Practice 2015, paragraph 9.176';

export interface StatutoryInviteeGroup {
	key: 'family' | 'setting' | 'localAuthority' | 'health' | 'socialCare';
	/** Plain words, as the list on the meeting page reads. */
	label: string;
	roles: readonly string[];
}

export const STATUTORY_INVITEE_GROUPS: readonly StatutoryInviteeGroup[] = [
	{
		key: 'family',
		label: 'the family (a parent or carer, or the young person)',
		roles: ['parent_carer', 'child']
	},
	{
		key: 'setting',
		label: 'the school or setting (for example the SENCo or class teacher)',
		roles: ['senco', 'chair', 'class_teacher', 'teaching_assistant', 'nursery_key_person']
	},
	{
		key: 'localAuthority',
		label: 'the local authority (LA) SEN officer',
		roles: ['la_caseworker']
	},
	{
		key: 'health',
		label: 'health (for example a speech and language therapist or health visitor)',
		roles: ['salt', 'ot', 'physio', 'health_visitor']
	},
	{ key: 'socialCare', label: 'social care (a social worker)', roles: ['social_worker'] }
];

/**
 * The groups an EHCP review's invitees leave out (none for other kinds of meeting), given
 * each invitee's team role (null for someone no longer in the team).
 */
export function missingStatutoryInvitees(
	type: MeetingType,
	inviteeRoles: readonly (string | null)[]
): StatutoryInviteeGroup[] {
	if (!isEhcpReview(type)) return [];
	return STATUTORY_INVITEE_GROUPS.filter(
		(group) => !inviteeRoles.some((role) => role !== null && group.roles.includes(role))
	);
}
