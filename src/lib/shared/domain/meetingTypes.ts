/** The kinds of review meeting Coplan arranges (labels in labels.ts, agendas in meetingAgendas.ts). */
export const MEETING_TYPES = [
	'ehcp_annual_review',
	'ehcp_interim_review',
	'phase_transfer_review',
	'taf_review',
	'sen_support_review'
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
