/** Plain-English names for the codes stored in the database, acronyms expanded. */

export const PLAN_TYPE_LABELS: Record<string, string> = {
	ehcp: 'Education, Health and Care plan (EHCP)',
	sen_support: 'SEN support (special educational needs support, no EHC plan)',
	early_help: 'Team Around the Family (TAF) / early help'
};

/** Roles within an organisation (memberships), not within a child's team. */
export const MEMBER_ROLE_LABELS: Record<string, string> = {
	admin: 'Admin',
	coordinator: 'Coordinator',
	professional: 'Professional'
};

/** What each organisation role may do, said plainly for the forms that choose one. */
export const MEMBER_ROLE_HINTS: Record<string, string> = {
	admin:
		'Manages members and the organisation’s settings, and can do everything a coordinator can.',
	coordinator:
		'Adds children’s records, invites their teams and arranges their meetings, for example a SENCo (special educational needs coordinator).',
	professional:
		'Works with children whose teams they are invited to, for example a class teacher or therapist.'
};

export const TEAM_ROLE_LABELS: Record<string, string> = {
	parent_carer: 'Parent or carer',
	child: 'Child or young person',
	senco: 'SENCo (special educational needs coordinator)',
	chair: 'Chair',
	class_teacher: 'Class teacher',
	teaching_assistant: 'Teaching assistant',
	nursery_key_person: 'Nursery key person',
	salt: 'Speech and language therapist (SaLT)',
	ot: 'Occupational therapist (OT)',
	physio: 'Physiotherapist',
	ep: 'Educational psychologist (EP)',
	health_visitor: 'Health visitor',
	camhs: 'Child and Adolescent Mental Health Services (CAMHS) practitioner',
	paediatrician: 'Paediatrician (children’s doctor)',
	school_nurse: 'School nurse',
	social_worker: 'Social worker',
	la_caseworker: 'Local authority (LA) caseworker',
	other: 'Other'
};

export const MEETING_TYPE_LABELS: Record<string, string> = {
	ehcp_annual_review: 'Annual review of an Education, Health and Care plan (EHCP)',
	ehcp_interim_review: 'Interim review of an Education, Health and Care plan (EHCP)',
	phase_transfer_review: 'Phase-transfer review (before a move to a new school or college)',
	taf_review: 'Team Around the Family (TAF) / early help review',
	sen_support_review: 'SEN support review (special educational needs support)'
};

export const MEETING_STATUS_LABELS: Record<string, string> = {
	scheduled: 'Scheduled',
	in_progress: 'In progress',
	closed: 'Closed'
};

/** Replies to a meeting invitation. */
export const RSVP_LABELS: Record<string, string> = {
	pending: 'No reply yet',
	attending: 'Attending in person',
	attending_online: 'Attending online',
	cannot_attend: 'Cannot attend'
};

export function labelFor(labels: Record<string, string>, code: string): string {
	return labels[code] ?? code;
}
