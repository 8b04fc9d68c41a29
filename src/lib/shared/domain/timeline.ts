import type { MeetingType } from './meetingTypes.ts';
import { PHASE_TRANSFERS, isPhaseTransfer } from './phaseTransfers.ts';
import {
	birthday,
	daysBetween,
	formatUkDate,
	isWeekend,
	previousWeekday,
	shiftDate,
	ukDateOf,
	weekdayName,
	type CalendarDate,
	type DateShift
} from './ukCalendar.ts';

/**
 * The statutory timeline of a review meeting, kept as data: each rule says which meetings
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
	| { from: 'transfer' };

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
		source: 'SEND Regulations 2014, regulation 20(10); SEND Code of Practice 2015, paragraph 9.176'
	},
	{
		key: 'amended_plan_issued',
		title: 'Final amended plan issued',
		description:
			'The family has at least 15 days to comment on the draft; the final plan follows within 8 weeks of the draft, so within 12 weeks of the meeting.',
		condition: 'Only if the local authority decides to amend the plan.',
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

export function rulesFor(type: MeetingType): TimelineRule[] {
	return TIMELINE_RULES.filter((rule) => rule.meetingTypes.includes(type));
}

/**
 * The calendar year of the move: a phase-transfer review belongs to the school year
 * before the move, which starts in September, so a review from September to December
 * is for a move in the next calendar year and one from January to August for this year.
 */
export function transferYear(meetingDate: CalendarDate): number {
	const [year, month] = meetingDate.split('-').map(Number);
	return (month ?? 1) >= 9 ? (year ?? 0) + 1 : (year ?? 0);
}

export type DeadlineStatus = 'done' | 'due_soon' | 'overdue' | 'upcoming';

export interface DeadlineCompletion {
	ruleKey: string;
	completedAt: Date;
	completedByName: string | null;
}

export interface LaterMeeting {
	id: string;
	type: MeetingType;
	startsAt: Date;
}

export interface TimelineInput {
	type: MeetingType;
	startsAt: Date;
	transfer: string | null;
	/**
	 * The child's cohort (yearGroups.ts), when recorded: the year of a move then comes
	 * from the year group, not from the meeting's date.
	 */
	childReceptionYear?: number | null;
	/** YYYY-MM-DD */
	childDateOfBirth: CalendarDate;
	completions: readonly DeadlineCompletion[];
	/** The child's other meetings after this one (not deleted). */
	laterMeetings: readonly LaterMeeting[];
	now: Date;
	/** How close a deadline is before it counts as due soon; 7 days unless set. */
	dueSoonDays?: number;
}

export interface Deadline {
	rule: TimelineRule;
	/** The date to act by, after the weekend policy. */
	dueDate: CalendarDate;
	/** The date the rule itself gives. */
	ruleDate: CalendarDate;
	/** The start of a window (TAF reviews every 6 to 12 weeks), or null. */
	earliestDate: CalendarDate | null;
	weekendNote: string | null;
	status: DeadlineStatus;
	/** Days from today to the due date; negative when past. */
	daysUntilDue: number;
	completion: DeadlineCompletion | null;
	/** The later meeting that meets a "next review" rule. */
	metBy: LaterMeeting | null;
}

export const DEFAULT_DUE_SOON_DAYS = 7;

function ruleDateFor(
	rule: TimelineRule,
	meetingDate: CalendarDate,
	transfer: string | null,
	receptionYear: number | null
) {
	if (rule.due.from === 'meeting') {
		return {
			ruleDate: shiftDate(meetingDate, rule.due.shift),
			earliestDate: 'earliest' in rule.due ? shiftDate(meetingDate, rule.due.earliest) : null
		};
	}
	if (!isPhaseTransfer(transfer)) return null;
	const { month, day, yearGroupAfter } = PHASE_TRANSFERS[transfer];
	const year = receptionYear === null ? transferYear(meetingDate) : receptionYear + yearGroupAfter;
	const ruleDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return { ruleDate, earliestDate: null };
}

function applyWeekendPolicy(rule: TimelineRule, ruleDate: CalendarDate) {
	if (!isWeekend(ruleDate)) return { dueDate: ruleDate, weekendNote: null };
	const friday = formatUkDate(previousWeekday(ruleDate));
	if (rule.weekend === 'previous_working_day') {
		return {
			dueDate: previousWeekday(ruleDate),
			weekendNote: `${formatUkDate(ruleDate)} is a ${weekdayName(ruleDate)}, so this is due on the working day before.`
		};
	}
	return {
		dueDate: ruleDate,
		weekendNote: `Falls on a ${weekdayName(ruleDate)}. The date is fixed and does not move for weekends: finish by ${friday}.`
	};
}

function isUnderFive(dateOfBirth: CalendarDate, on: CalendarDate): boolean {
	return on < birthday(dateOfBirth, 5);
}

function statusFor(done: boolean, daysUntilDue: number, dueSoonDays: number): DeadlineStatus {
	if (done) return 'done';
	if (daysUntilDue < 0) return 'overdue';
	return daysUntilDue <= dueSoonDays ? 'due_soon' : 'upcoming';
}

/** Every deadline that applies to one meeting, in date order, with its status today. */
export function computeTimeline(input: TimelineInput): Deadline[] {
	const meetingDate = ukDateOf(input.startsAt);
	const today = ukDateOf(input.now);
	const dueSoonDays = input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
	const deadlines: Deadline[] = [];
	for (const rule of rulesFor(input.type)) {
		if (rule.onlyUnderFive && !isUnderFive(input.childDateOfBirth, meetingDate)) continue;
		const dates = ruleDateFor(rule, meetingDate, input.transfer, input.childReceptionYear ?? null);
		if (!dates) continue;
		const { dueDate, weekendNote } = applyWeekendPolicy(rule, dates.ruleDate);
		const completion = input.completions.find((c) => c.ruleKey === rule.key) ?? null;
		const metBy =
			input.laterMeetings
				.filter(
					(meeting) =>
						rule.metByLaterMeeting?.includes(meeting.type) &&
						meeting.startsAt > input.startsAt &&
						ukDateOf(meeting.startsAt) <= dueDate
				)
				.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0] ?? null;
		const daysUntilDue = daysBetween(today, dueDate);
		deadlines.push({
			rule,
			dueDate,
			ruleDate: dates.ruleDate,
			earliestDate: dates.earliestDate,
			weekendNote,
			status: statusFor(completion !== null || metBy !== null, daysUntilDue, dueSoonDays),
			daysUntilDue,
			completion,
			metBy
		});
	}
	return deadlines.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** The deadline that most needs attention: the earliest one not yet done. */
export function mostUrgent(deadlines: readonly Deadline[]): Deadline | null {
	let urgent: Deadline | null = null;
	for (const deadline of deadlines) {
		if (deadline.status === 'done') continue;
		if (!urgent || deadline.dueDate < urgent.dueDate) urgent = deadline;
	}
	return urgent;
}

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
	done: 'Done',
	due_soon: 'Due soon',
	overdue: 'Overdue',
	upcoming: 'Upcoming'
};

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

/** The status in words, so that nothing depends on colour: "Overdue by 3 days". */
export function describeStatus(deadline: Deadline, now: Date): string {
	if (deadline.metBy) {
		const held = deadline.metBy.startsAt <= now;
		return `${held ? 'Done: review held on' : 'Booked: review on'} ${formatUkDate(ukDateOf(deadline.metBy.startsAt))}`;
	}
	if (deadline.completion) {
		const doneOn = ukDateOf(deadline.completion.completedAt);
		const by = deadline.completion.completedByName;
		const late = daysBetween(deadline.dueDate, doneOn);
		return `Done on ${formatUkDate(doneOn)}${by ? ` by ${by}` : ''}${late > 0 ? `, ${days(late)} after the deadline` : ''}`;
	}
	const { daysUntilDue } = deadline;
	if (daysUntilDue < 0) return `Overdue by ${days(-daysUntilDue)}`;
	if (daysUntilDue === 0) return 'Due today';
	return `Due in ${days(daysUntilDue)}`;
}
