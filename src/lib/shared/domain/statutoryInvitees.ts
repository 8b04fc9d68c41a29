import type { MeetingType } from './meetingTypes.ts';
import type { TeamRole } from './roles.ts';
import { isEhcpReview } from './timeline.ts';

/**
 * Who the law says an EHCP review must invite, by the team roles that count for each.
 * People recorded only as "Other" cannot be placed, so are not counted.
 */
export const STATUTORY_INVITEES_SOURCE =
	'SEND Regulations 2014, regulation 20(2) and (3); SEND Code of Practice 2015, paragraph 9.176';

export interface StatutoryInviteeGroup {
	key: 'family' | 'setting' | 'localAuthority' | 'health' | 'socialCare';
	/** Plain words, as the list on the meeting page reads. */
	label: string;
	/** Typed, so that a renamed or removed role stops the build here. */
	roles: readonly TeamRole[];
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
		label:
			'health (for example a speech and language therapist, health visitor, school nurse or paediatrician)',
		roles: ['salt', 'ot', 'physio', 'health_visitor', 'camhs', 'paediatrician', 'school_nurse']
	},
	{ key: 'socialCare', label: 'social care (a social worker)', roles: ['social_worker'] }
];

/** Whether someone with this team role counts for the group. */
export function coversGroup(group: StatutoryInviteeGroup, role: string): boolean {
	return (group.roles as readonly string[]).includes(role);
}

export interface InviteeCoverage<Person> {
	group: StatutoryInviteeGroup;
	/** Everyone who counts for the group, in the order given; empty when nobody does. */
	coveredBy: Person[];
}

/**
 * For an EHCP review, each statutory group with the people who count for it (none for other
 * kinds of meeting), so that a form can name who covers each group and who is missing
 * before anyone is invited.
 */
export function statutoryInviteeCoverage<Person extends { teamRole: string | null }>(
	type: MeetingType,
	people: readonly Person[]
): InviteeCoverage<Person>[] {
	if (!isEhcpReview(type)) return [];
	return STATUTORY_INVITEE_GROUPS.map((group) => ({
		group,
		coveredBy: people.filter(
			(person) => person.teamRole !== null && coversGroup(group, person.teamRole)
		)
	}));
}

/**
 * One sentence for the whole check, for a status message or the panel's conclusion:
 * how many groups are covered and, by name, which are not.
 */
export function coverageSummary(coverage: readonly InviteeCoverage<unknown>[]): string {
	const missing = coverage.filter((entry) => entry.coveredBy.length === 0);
	if (missing.length === 0) {
		return `Someone in the team covers each of the ${coverage.length} groups the law says must be invited.`;
	}
	const covered = coverage.length - missing.length;
	const labels = missing.map((entry) => entry.group.label).join('; ');
	return `${covered} of ${coverage.length} groups the law says must be invited are covered. Missing: ${labels}.`;
}

/**
 * The groups an EHCP review's invitees leave out (none for other kinds of meeting), given
 * each invitee's team role (null for someone no longer in the team).
 */
export function missingStatutoryInvitees(
	type: MeetingType,
	inviteeRoles: readonly (string | null)[]
): StatutoryInviteeGroup[] {
	return statutoryInviteeCoverage(
		type,
		inviteeRoles.map((teamRole) => ({ teamRole }))
	)
		.filter((coverage) => coverage.coveredBy.length === 0)
		.map((coverage) => coverage.group);
}
