/**
 * Team roles from DOMAIN.md. Family roles are never organisation members and never see
 * restricted content; the roles in RESTRICTED_READER_ROLES may, when in the team.
 */
export const TEAM_ROLES = [
	'parent_carer',
	'child',
	'senco',
	'chair',
	'class_teacher',
	'teaching_assistant',
	'nursery_key_person',
	'salt',
	'ot',
	'physio',
	'ep',
	'health_visitor',
	'camhs',
	'paediatrician',
	'school_nurse',
	'social_worker',
	'la_caseworker',
	'other'
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const FAMILY_ROLES: readonly TeamRole[] = ['parent_carer', 'child'];

/**
 * Professionals who may read restricted sections (social care, safeguarding, medical detail).
 * The health roles are here because medical detail is theirs to give and to act on: a
 * CAMHS practitioner, paediatrician or school nurse cannot advise safely without it. The
 * therapists (SaLT, OT, physio) are not, as their advice does not depend on it.
 */
export const RESTRICTED_READER_ROLES: readonly TeamRole[] = [
	'senco',
	'chair',
	'social_worker',
	'la_caseworker',
	'health_visitor',
	'camhs',
	'paediatrician',
	'school_nurse',
	'ep'
];

/** Team roles that may invite others to the child's team and organise its meetings. */
export const TEAM_COORDINATING_ROLES: readonly TeamRole[] = [
	'senco',
	'chair',
	'la_caseworker',
	'nursery_key_person'
];

export function isFamilyRole(role: string): boolean {
	return (FAMILY_ROLES as readonly string[]).includes(role);
}

/** Roles within an organisation (memberships), not within a child's team. */
export const MEMBER_ROLES = ['admin', 'coordinator', 'professional'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
