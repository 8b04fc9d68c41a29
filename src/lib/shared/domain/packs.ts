import { isFamilyRole } from './roles.ts';
import { rulesFor, TIMELINE_RULES } from './timeline.ts';
import type { MeetingType } from './meetingTypes.ts';
import { daysBetween, shiftDate, ukDateOf, type CalendarDate } from './ukCalendar.ts';

/**
 * The pre-meeting pack's rules, as data and pure functions: when it is sent, and who still
 * owes advice for it.
 */

/** The timeline rule whose deadline the pack meets: advice circulated before the meeting. */
export const PACK_RULE_KEY = 'advice_circulated';

/**
 * The UK date the pack goes out: the due date of the "circulate advice" rule for this kind
 * of meeting (14 days before, in the Regulations today). Null for meetings the rule does
 * not cover (TAF and SEN support reviews), which get no automatic pack.
 */
export function packSendDate(type: MeetingType, startsAt: Date): CalendarDate | null {
	const rule = rulesFor(type).find((candidate) => candidate.key === PACK_RULE_KEY);
	if (!rule || rule.due.from !== 'meeting') return null;
	return shiftDate(ukDateOf(startsAt), rule.due.shift);
}

/**
 * How many days ahead of a meeting its pack can fall due, from the rules themselves, so
 * the scheduler only looks at meetings that close.
 */
export function packLookAheadDays(): number {
	// Any fixed day works as the reference: only the length of the shift matters (a month
	// shift varies by a few days, which the margin covers).
	const reference = '2026-01-15';
	const days = TIMELINE_RULES.flatMap((rule) =>
		rule.key === PACK_RULE_KEY && rule.due.from === 'meeting'
			? [daysBetween(shiftDate(reference, rule.due.shift), reference)]
			: []
	);
	return Math.max(0, ...days) + 3;
}

export interface AdviceGiver {
	userId: string;
	teamRole: string | null;
}

/**
 * Who still owes advice: every invitee in a professional role (not the parent or carer,
 * not the child) who has neither written a contribution for this meeting nor added advice
 * to the child's register since the previous review. Someone who has left the team owes
 * nothing.
 */
export function stillOwingAdvice<T extends AdviceGiver>(
	invitees: readonly T[],
	contributed: ReadonlySet<string>,
	addedAdvice: ReadonlySet<string>
): T[] {
	return invitees.filter(
		(invitee) =>
			invitee.teamRole !== null &&
			!isFamilyRole(invitee.teamRole) &&
			!contributed.has(invitee.userId) &&
			!addedAdvice.has(invitee.userId)
	);
}

/** The sentence the pack page uses to explain stillOwingAdvice. */
export const OWING_ADVICE_EXPLAINED =
	'Someone still owes advice when they are invited as a professional and have neither sent a written contribution for this meeting nor added advice to the child’s advice register since the last review.';
