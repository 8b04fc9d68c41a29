import type { MeetingType } from './meetingTypes.ts';

/** One item of a meeting's agenda, as stored on the meeting. */
export interface AgendaItem {
	id: string;
	title: string;
}

/**
 * The agenda each kind of meeting starts with (the chair edits it). Drawn from the
 * person-centred review headings and the SEND Code of Practice 2015 (9.176 for EHCP
 * reviews, 9.179 for phase transfer, 6.65 for SEN support) and the three-column Team
 * Around the Family (TAF) plan. Strengths and the child's own views come first.
 */
export const AGENDA_TEMPLATES: Record<MeetingType, readonly string[]> = {
	ehcp_annual_review: [
		'Welcome, introductions and what this review is for',
		'What people like and admire about the child',
		'The child’s views, wishes and feelings',
		'What is working and what is not working',
		'Progress towards each outcome in the plan',
		'Is the support in the plan still right? Education, health and social care',
		'Written contributions from those who could not attend',
		'Recommendation: keep the plan as it is, amend it or stop it, and any changes by section',
		'Actions, who will do them and by when',
		'Date of the next review'
	],
	ehcp_interim_review: [
		'Welcome and why we are meeting before the annual review',
		'The child’s views, wishes and feelings',
		'What has changed, and what is working and not working',
		'Progress towards the outcomes in question',
		'Does the plan need to change now?',
		'Written contributions from those who could not attend',
		'Actions, who will do them and by when'
	],
	phase_transfer_review: [
		'Welcome, introductions and what this review is for',
		'What people like and admire about the child',
		'The child’s views about the move and their hopes for the new school or college',
		'Progress towards each outcome in the plan',
		'Preparing for the move: visits, transition support and who to contact at the new setting',
		'The school, college or setting to be named in the plan',
		'Written contributions from those who could not attend',
		'Recommended changes to the plan, by section, before the statutory deadline',
		'Actions, who will do them and by when'
	],
	taf_review: [
		'Welcome and introductions',
		'What is working well',
		'What are we worried about',
		'Where are things now, on a scale of 0 to 10',
		'What needs to happen, and who will do it',
		'Written contributions from those who could not attend',
		'Decision: close, continue or escalate',
		'Date of the next review'
	],
	sen_support_review: [
		'Welcome and introductions',
		'The child’s views',
		'What is working and what is not working',
		'Progress towards the targets set last time',
		'The support in place and whether it has helped',
		'New targets and support for next term',
		'Actions, who will do them and by when',
		'Date of the next review'
	]
};

/** Short names for emails and calendar entries: "Aaron: annual review". */
export const MEETING_TYPE_SHORT_NAMES: Record<MeetingType, string> = {
	ehcp_annual_review: 'annual review',
	ehcp_interim_review: 'interim review',
	phase_transfer_review: 'phase-transfer review',
	taf_review: 'Team Around the Family review',
	sen_support_review: 'SEN support review'
};
