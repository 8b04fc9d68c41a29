import type { PlanType } from '../planTypes.ts';

/**
 * A child's plan as Coplan keeps it between reviews: the written sections its kind of plan
 * has, the outcomes (each keeping its id from review to review, so its progress can be
 * followed) and the provision or strategies. Each version of a plan holds one of these,
 * whole, so any two versions can be read side by side.
 */

export interface PlanOutcome {
	/** Kept from review to review: a meeting document's outcome with this id is this outcome. */
	id: string;
	areaOfNeed: string | null;
	text: string;
	steps: string;
}

export interface PlanProvision {
	id: string;
	text: string;
	providedBy: string;
	frequency: string;
	authorName: string;
	/** yyyy-mm-dd */
	date: string | null;
	reviewBy: string | null;
}

export interface PlanContent {
	/** Section key (see PLAN_SECTIONS) → its text. */
	sections: Record<string, string>;
	outcomes: PlanOutcome[];
	provision: PlanProvision[];
}

export interface PlanSectionDefinition {
	key: string;
	title: string;
	/** Plain words on what belongs here, shown under the title when editing. */
	hint: string;
}

/**
 * The written sections of each kind of plan (DOMAIN.md "The plan's language"). An EHC
 * plan's outcomes are its section E and its special educational provision section F:
 * those two are the plan's outcome and provision lists, not text sections.
 */
export const PLAN_SECTIONS: Record<PlanType, readonly PlanSectionDefinition[]> = {
	ehcp: [
		{
			key: 'A',
			title: 'A: Views, interests and aspirations',
			hint: 'The child’s and family’s views, what they enjoy and hope for.'
		},
		{ key: 'B', title: 'B: Special educational needs', hint: 'Every need, described plainly.' },
		{
			key: 'C',
			title: 'C: Health needs',
			hint: 'Health needs related to the child’s special educational needs.'
		},
		{
			key: 'D',
			title: 'D: Social care needs',
			hint: 'Social care needs related to the child’s special educational needs or disability.'
		},
		{
			key: 'G',
			title: 'G: Health provision',
			hint: 'Health support the needs in section C call for.'
		},
		{
			key: 'H1',
			title: 'H1: Social care provision (Chronically Sick and Disabled Persons Act)',
			hint: 'Social care provision under section 2 of that Act.'
		},
		{
			key: 'H2',
			title: 'H2: Other social care provision',
			hint: 'Any other social care provision the needs in section D call for.'
		},
		{ key: 'I', title: 'I: Placement', hint: 'The school or setting named, and its type.' },
		{ key: 'J', title: 'J: Personal budget', hint: 'Any personal budget and how it is used.' },
		{
			key: 'K',
			title: 'K: Advice and information',
			hint: 'The advice and information gathered for the plan.'
		}
	],
	sen_support: [
		{
			key: 'needs',
			title: 'Needs',
			hint: 'What the child finds hard, in plain words, and their strengths.'
		},
		{
			key: 'childsViews',
			title: 'The child’s views',
			hint: 'What the child says helps them and what they would like.'
		}
	],
	early_help: [
		{
			key: 'working',
			title: 'What’s working well',
			hint: 'Strengths and what is going well for the family.'
		},
		{ key: 'worries', title: 'What are we worried about', hint: 'The worries, in plain words.' },
		{
			key: 'needsToHappen',
			title: 'What needs to happen',
			hint: 'What the family and the team agreed needs to change.'
		}
	]
};

/** What each kind of plan calls its provision list. */
export const PROVISION_TITLES: Record<PlanType, string> = {
	ehcp: 'F: Special educational provision',
	sen_support: 'Strategies and support',
	early_help: 'Support in place'
};

/** What each kind of plan calls its outcome list. */
export const OUTCOME_TITLES: Record<PlanType, string> = {
	ehcp: 'E: Outcomes',
	sen_support: 'Outcomes',
	early_help: 'What we want to achieve'
};

export function emptyPlanContent(): PlanContent {
	return { sections: {}, outcomes: [], provision: [] };
}
