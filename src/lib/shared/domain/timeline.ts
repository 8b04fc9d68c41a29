import type { LaDecisionKind } from './plan/laDecisions.ts';
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
	type CalendarDate
} from './ukCalendar.ts';
import { TIMELINE_RULES, type TimelineRule } from './timelineRules.ts';

/**
 * A review meeting's deadlines, worked out from the rules in timelineRules.ts: each rule's
 * date, its status today, and whether a later meeting, a completion or the local
 * authority's decision has met it. Dates are UK calendar dates.
 */

export * from './timelineRules.ts';

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

export interface RecordedLaDecision {
	decision: LaDecisionKind;
	decidedOn: CalendarDate;
	recordedByName: string | null;
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
	/** The local authority's decision after this review, once recorded. */
	laDecision?: RecordedLaDecision | null;
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
	receptionYear: number | null,
	decision: RecordedLaDecision | null
) {
	if (rule.due.from === 'decision') {
		return decision
			? {
					ruleDate: shiftDate(decision.decidedOn, rule.due.shift),
					earliestDate: decision.decidedOn
				}
			: null;
	}
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

function decisionAsCompletion(
	rule: TimelineRule,
	decision: RecordedLaDecision
): DeadlineCompletion {
	return {
		ruleKey: rule.key,
		completedAt: new Date(`${decision.decidedOn}T12:00:00Z`),
		completedByName: decision.recordedByName
	};
}

/** Every deadline that applies to one meeting, in date order, with its status today. */
export function computeTimeline(input: TimelineInput): Deadline[] {
	const meetingDate = ukDateOf(input.startsAt);
	const today = ukDateOf(input.now);
	const dueSoonDays = input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
	const deadlines: Deadline[] = [];
	const decision = input.laDecision ?? null;
	for (const rule of rulesFor(input.type)) {
		if (rule.onlyUnderFive && !isUnderFive(input.childDateOfBirth, meetingDate)) continue;
		// A rule for some decisions only is dropped once a different one is recorded.
		if (rule.decisions && decision && !rule.decisions.includes(decision.decision)) continue;
		const dates = ruleDateFor(
			rule,
			meetingDate,
			input.transfer,
			input.childReceptionYear ?? null,
			decision
		);
		if (!dates) continue;
		const { dueDate, weekendNote } = applyWeekendPolicy(rule, dates.ruleDate);
		const completion =
			(rule.metByDecision && decision ? decisionAsCompletion(rule, decision) : null) ??
			input.completions.find((c) => c.ruleKey === rule.key) ??
			null;
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
