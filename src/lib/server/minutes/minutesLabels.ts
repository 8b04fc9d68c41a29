import type {
	ActionStatus,
	EhcpPlanSection,
	EhcpRecommendation
} from '../../shared/collab/meetingDoc.ts';

/** Words for the codes the meeting document stores, as the minutes print them. */

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
	open: 'Open',
	in_progress: 'In progress',
	done: 'Done',
	dropped: 'Dropped'
};

export const RECOMMENDATION_LABELS: Record<EhcpRecommendation, string> = {
	maintain: 'Maintain the plan as it is',
	amend: 'Amend the plan',
	cease: 'Cease the plan (it is no longer needed)'
};

/** Sections of an EHC plan (SEND Code of Practice 2015, 9.62). */
export const PLAN_SECTION_LABELS: Record<EhcpPlanSection, string> = {
	A: 'Section A: views, interests and aspirations',
	B: 'Section B: special educational needs',
	C: 'Section C: health needs',
	D: 'Section D: social care needs',
	E: 'Section E: outcomes',
	F: 'Section F: special educational provision',
	G: 'Section G: health provision',
	H1: 'Section H1: social care provision the law requires',
	H2: 'Section H2: other social care provision',
	I: 'Section I: placement (school or college)',
	J: 'Section J: personal budget',
	K: 'Section K: advice and information'
};
