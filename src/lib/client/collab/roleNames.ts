import { TEAM_ROLE_LABELS, labelFor } from '../../shared/domain/labels.ts';

/**
 * Short role names for avatars, carets and "Sam (SaLT) is editing…". The page expands
 * each acronym once through TEAM_ROLE_LABELS, so the short form can stay short here.
 */
const SHORT_ROLE_NAMES: Record<string, string> = {
	parent_carer: 'Parent or carer',
	child: 'Child or young person',
	senco: 'SENCo',
	chair: 'Chair',
	class_teacher: 'Class teacher',
	teaching_assistant: 'Teaching assistant',
	nursery_key_person: 'Nursery key person',
	salt: 'SaLT',
	ot: 'OT',
	physio: 'Physiotherapist',
	ep: 'EP',
	health_visitor: 'Health visitor',
	camhs: 'CAMHS practitioner',
	paediatrician: 'Paediatrician',
	school_nurse: 'School nurse',
	social_worker: 'Social worker',
	la_caseworker: 'LA caseworker',
	other: 'Team member'
};

export function shortRoleName(teamRole: string | null): string {
	if (teamRole === null) return 'Organisation coordinator';
	return SHORT_ROLE_NAMES[teamRole] ?? labelFor(TEAM_ROLE_LABELS, teamRole);
}

export function fullRoleName(teamRole: string | null): string {
	if (teamRole === null) return 'Coordinator for the child’s organisation (not in the team)';
	return labelFor(TEAM_ROLE_LABELS, teamRole);
}
