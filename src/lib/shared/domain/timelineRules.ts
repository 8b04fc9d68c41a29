import type { LaDecisionKind } from './plan/laDecisions.ts';
import type { MeetingType } from './meetingTypes.ts';
import type { DateShift } from './ukCalendar.ts';

/**
 * The statutory timeline's rules, kept as data: each rule says which meetings
 * it applies to, how its date is found, what happens when that date is a weekend, and
 * where it comes from. Timescales are policy and change (DOMAIN.md): edit the table, not
 * the code. Dates are UK calendar dates; bank holidays are not taken into account, as
 * the law counts calendar days.
 *
 * Sources:
 * - SEND Regulations 2014 (SI 2014/1530): reg. 18 phase transfer, reg. 20 review where the
 *   child attends a school or other institution, reg. 22 amending a plan after a review.
 * - SEND Code of Practice: 0 to 25 years (January 2015): paras 6.65, 9.166, 9.176–9.179.
 * - Children and Families Act 2014, s. 44 (reviews at least every 12 months).
 * - Working Together to Safeguard Children 2023, chapter 2 (early help) and local early
 *   help guidance, for Team Around the Family reviews.
 */

/** Statutory rules must be met; guidance rules are good practice the team may depart from. */
export type RuleForce = 'statutory' | 'guidance';

/**
 * - fixed: the date stands even on a weekend (a date set in law does not move); a note
 *   says so, and names the working day before as the practical deadline.
 * - previous_working_day: the deadline is shown on the Friday before.
 */
export type WeekendPolicy = 'fixed' | 'previous_working_day';

/** Where a rule's date comes from. */
export type DueDateRule =
	/** A period before (negative) or after the meeting date. */
	| { from: 'meeting'; shift: DateShift }
	/** A window after the meeting: the deadline is its end, shown with its start. */
	| { from: 'meeting'; earliest: DateShift; shift: DateShift }
	/** A fixed day of the calendar year in which the child moves (see transferYear). */
	| { from: 'transfer' }
	/** A period after the local authority's recorded decision. */
	| { from: 'decision'; shift: DateShift };

export interface TimelineRule {
	key: string;
	title: string;
	/** Plain English: what must happen, for whom. */
	description: string;
	meetingTypes: readonly MeetingType[];
	due: DueDateRule;
	weekend: WeekendPolicy;
	force: RuleForce;
	/** Regulation or guidance paragraph the rule comes from. */
	source: string;
	/** Shown beside the deadline when it applies only in some outcomes. */
	condition?: string;
	/** The rule applies only when the child is under 5 on the day of the meeting. */
	onlyUnderFive?: boolean;
	/** The next review: met by a later meeting of these types on or before the deadline. */
	metByLaterMeeting?: readonly MeetingType[];
	/**
	 * The rule applies only if the local authority decides one of these: shown with its
	 * condition until the decision is recorded, then kept or dropped by it.
	 */
	decisions?: readonly LaDecisionKind[];
	/** Done when the local authority's decision is recorded. */
	metByDecision?: boolean;
}

export const EHCP_REVIEW_TYPES: readonly MeetingType[] = [
	'ehcp_annual_review',
	'ehcp_interim_review',
	'phase_transfer_review'
];

/** EHCP reviews end in a recommendation to the local authority and proposed amendments. */
export function isEhcpReview(type: MeetingType): boolean {
	return EHCP_REVIEW_TYPES.includes(type);
}

export const TIMELINE_RULES: readonly TimelineRule[] = [
	{
		key: 'invitations_sent',
		title: 'Send the invitations',
		description:
			'Invite the family, the school or setting, a local authority (LA) SEN officer, health and social care, giving at least 2 weeks’ notice of the meeting.',
		meetingTypes: EHCP_REVIEW_TYPES,
		due: { from: 'meeting', shift: { days: -14 } },
		weekend: 'fixed',
		force: 'statutory',
		source:
			'SEND Regulations 2014, regulation 20(2) and (3); SEND Code of Practice 2015, paragraph 9.176'
	},
	{
		key: 'advice_circulated',
		title: 'Circulate advice and information',
		description:
			'Gather advice and information from everyone invited and send it to all of them at least 2 weeks before the meeting.',
		meetingTypes: EHCP_REVIEW_TYPES,
		due: { from: 'meeting', shift: { days: -14 } },
		weekend: 'fixed',
		force: 'statutory',
		source: 'SEND Regulations 2014, regulation 20(4); SEND Code of Practice 2015, paragraph 9.176'
	},
	{
		key: 'report_sent',
		title: 'Send the review report',
		description:
			'Send a report of the meeting to everyone invited, with the recommended changes to the plan and any differences of opinion.',
		meetingTypes: EHCP_REVIEW_TYPES,
		due: { from: 'meeting', shift: { days: 14 } },
		weekend: 'fixed',
		force: 'statutory',
		source: 'SEND Regulations 2014, regulation 20(7); SEND Code of Practice 2015, paragraph 9.176'
	},
	{
		key: 'la_decision',
		title: 'Local authority (LA) decision',
		description:
			'The LA decides whether to keep the plan as it is, amend it or stop maintaining it, and tells the family.',
		meetingTypes: EHCP_REVIEW_TYPES,
		due: { from: 'meeting', shift: { days: 28 } },
		weekend: 'fixed',
		force: 'statutory',
		source: 'SEND Regulations 2014, regulation 20(10); SEND Code of Practice 2015, paragraph 9.176',
		metByDecision: true
	},
	{
		key: 'family_comments',
		title: 'The family’s time to comment on the draft',
		description:
			'The family has at least 15 days from the draft amended plan to comment on it, ask for a meeting and ask for a particular school or setting. Counted from the decision, which the draft goes with.',
		meetingTypes: EHCP_REVIEW_TYPES,
		due: { from: 'decision', shift: { days: 15 } },
		weekend: 'fixed',
		force: 'statutory',
		source:
			'SEND Regulations 2014, regulation 22(2)(c); SEND Code of Practice 2015, paragraph 9.194',
		decisions: ['amend']
	},
	{
		key: 'amended_plan_issued',
		title: 'Final amended plan issued',
		description:
			'The family has at least 15 days to comment on the draft; the final plan follows within 8 weeks of the draft, so within 12 weeks of the meeting.',
		condition: 'Only if the local authority decides to amend the plan.',
		decisions: ['amend'],
		meetingTypes: EHCP_REVIEW_TYPES,
		due: { from: 'meeting', shift: { weeks: 12 } },
		weekend: 'fixed',
		force: 'statutory',
		source:
			'SEND Regulations 2014, regulations 20(10) and 22(2)(c) and (3): decision within 4 weeks, final plan within 8 weeks of the draft'
	},
	{
		key: 'phase_transfer_amended',
		title: 'Plan reviewed and amended for the move',
		description:
			'Before a move between phases of education the plan must be reviewed and amended, naming the new school or setting.',
		meetingTypes: ['phase_transfer_review'],
		due: { from: 'transfer' },
		weekend: 'fixed',
		force: 'statutory',
		source: 'SEND Regulations 2014, regulation 18(1); SEND Code of Practice 2015, paragraph 9.179'
	},
	{
		key: 'next_ehcp_review',
		title: 'Next review of the EHC plan',
		description:
			'The Education, Health and Care (EHC) plan must be reviewed again within 12 months.',
		meetingTypes: EHCP_REVIEW_TYPES,
		due: { from: 'meeting', shift: { months: 12 } },
		weekend: 'fixed',
		force: 'statutory',
		source:
			'Children and Families Act 2014, section 44(1); SEND Code of Practice 2015, paragraph 9.166',
		metByLaterMeeting: EHCP_REVIEW_TYPES
	},
	{
		key: 'early_years_review',
		title: 'Consider an earlier review (child under 5)',
		description:
			'For a child under 5, the local authority should consider reviewing the plan every 3 to 6 months.',
		meetingTypes: EHCP_REVIEW_TYPES,
		due: { from: 'meeting', earliest: { months: 3 }, shift: { months: 6 } },
		weekend: 'previous_working_day',
		force: 'guidance',
		source: 'SEND Code of Practice 2015, paragraph 9.178',
		onlyUnderFive: true,
		metByLaterMeeting: EHCP_REVIEW_TYPES
	},
	{
		key: 'next_taf_review',
		title: 'Next Team Around the Family (TAF) review',
		description: 'Review the family’s plan again between 6 and 12 weeks after this meeting.',
		meetingTypes: ['taf_review'],
		due: { from: 'meeting', earliest: { weeks: 6 }, shift: { weeks: 12 } },
		weekend: 'previous_working_day',
		force: 'guidance',
		source:
			'Working Together to Safeguard Children 2023, chapter 2 (early help), and local early help guidance: TAF reviews every 6 to 12 weeks',
		metByLaterMeeting: ['taf_review']
	},
	{
		key: 'next_sen_support_review',
		title: 'Next SEN support review',
		description:
			'Meet the family at least three times a year, about once a term, to review the plan.',
		meetingTypes: ['sen_support_review'],
		due: { from: 'meeting', shift: { months: 4 } },
		weekend: 'previous_working_day',
		force: 'guidance',
		source: 'SEND Code of Practice 2015, paragraph 6.65',
		metByLaterMeeting: ['sen_support_review', ...EHCP_REVIEW_TYPES]
	}
];
