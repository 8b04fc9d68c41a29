import { MEETING_TYPE_LABELS, labelFor } from './labels.ts';
import type { MeetingType } from './meetingTypes.ts';
import { PHASE_TRANSFERS, type PhaseTransferRule } from './phaseTransfers.ts';
import type { DueDateRule, RuleForce, TimelineRule, WeekendPolicy } from './timeline.ts';
import { MONTH_NAMES, type DateShift } from './ukCalendar.ts';

/**
 * The deadline rules (timeline.ts, phaseTransfers.ts) said in plain English for the
 * timescales page, worked out from the data so that the words cannot drift from the
 * dates Coplan actually computes.
 */

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

interface LengthPart {
	amount: number;
	unit: 'day' | 'week' | 'month';
}

/**
 * A shift's length without its direction, in the units a person would use: whole weeks
 * read better than multiples of 7 days. Months and days together (no rule uses them yet)
 * give two parts rather than a wrong single one.
 */
function lengthParts(shift: DateShift): LengthPart[] {
	const months = Math.abs(shift.months ?? 0);
	const days = Math.abs((shift.weeks ?? 0) * 7 + (shift.days ?? 0));
	const parts: LengthPart[] = [];
	if (months) parts.push({ amount: months, unit: 'month' });
	if (days)
		parts.push(days % 7 === 0 ? { amount: days / 7, unit: 'week' } : { amount: days, unit: 'day' });
	return parts.length > 0 ? parts : [{ amount: 0, unit: 'day' }];
}

/** "2 weeks", "12 months", "1 day", without the direction. */
export function describeLength(shift: DateShift): string {
	return lengthParts(shift)
		.map((part) => count(part.amount, part.unit))
		.join(' and ');
}

/** Negative shifts are before the meeting. Mixed signs are not used, so the total decides. */
function isBefore(shift: DateShift): boolean {
	return (shift.months ?? 0) * 31 + (shift.weeks ?? 0) * 7 + (shift.days ?? 0) < 0;
}

/** "2 weeks before the meeting", "12 weeks after the meeting". */
export function describeShift(shift: DateShift): string {
	return `${describeLength(shift)} ${isBefore(shift) ? 'before' : 'after'} the meeting`;
}

/** "15 February of the year of the move". */
export function describeTransferDate(rule: Pick<PhaseTransferRule, 'month' | 'day'>): string {
	return `${rule.day} ${MONTH_NAMES[rule.month - 1] ?? `month ${rule.month}`} of the year of the move`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The date of a phase-transfer rule over every kind of move: the date most moves share,
 * then each exception by name: "15 February of the year of the move, or 31 March of the year
 * of the move for a move from secondary school to a post-16 setting".
 */
export function describeTransferDates(
	transfers: Readonly<Record<string, PhaseTransferRule>> = PHASE_TRANSFERS
): string {
	const byDate = new Map<string, string[]>();
	for (const rule of Object.values(transfers)) {
		const date = describeTransferDate(rule);
		byDate.set(date, [...(byDate.get(date) ?? []), rule.label]);
	}
	const [usual, ...others] = [...byDate].sort(([, a], [, b]) => b.length - a.length);
	if (!usual) return 'the date set for the move';
	if (others.length === 0) return usual[0];
	const exceptions = others.map(
		([date, labels]) => `${date} for a move from ${labels.map(lowerFirst).join(' or ')}`
	);
	return `${usual[0]}, or ${exceptions.join(', or ')}`;
}

/** When a rule is due, in words: "2 weeks before the meeting". */
export function describePeriod(due: DueDateRule): string {
	if (due.from === 'transfer') return describeTransferDates();
	if ('earliest' in due) {
		const from = lengthParts(due.earliest);
		const to = lengthParts(due.shift);
		// "between 6 and 12 weeks" when both ends are in one unit, in full otherwise.
		const sameUnit = from.length === 1 && to.length === 1 && from[0]?.unit === to[0]?.unit;
		const start = sameUnit ? String(from[0]?.amount) : describeLength(due.earliest);
		const direction = isBefore(due.shift) ? 'before' : 'after';
		return `between ${start} and ${describeLength(due.shift)} ${direction} the meeting`;
	}
	return describeShift(due.shift);
}

export const WEEKEND_POLICY_WORDING: Record<WeekendPolicy, string> = {
	fixed:
		'The date does not move when it falls on a Saturday or Sunday, as the law counts calendar days: in practice, finish by the Friday before.',
	previous_working_day:
		'When the date falls on a Saturday or Sunday, it is due on the Friday before instead.'
};

export const FORCE_WORDING: Record<RuleForce, string> = {
	statutory: 'Statutory: the law requires it.',
	guidance:
		'Guidance: good practice that the team should follow unless it has a good reason not to.'
};

function sameTypes(a: readonly MeetingType[], b: readonly MeetingType[]): boolean {
	return a.length === b.length && a.every((type) => b.includes(type));
}

/** Each circumstance that limits when a rule applies or counts as met; empty if always. */
export function describeConditions(rule: TimelineRule): string[] {
	const conditions: string[] = [];
	if (rule.condition) conditions.push(rule.condition);
	if (rule.onlyUnderFive) conditions.push('Only for a child under 5 on the day of the meeting.');
	if (rule.due.from === 'transfer')
		conditions.push('Only when the review records which move between phases it is for.');
	const laterTypes = rule.metByLaterMeeting;
	if (laterTypes && sameTypes(laterTypes, rule.meetingTypes)) {
		conditions.push('Met when a later meeting of one of the kinds it applies to is held by then.');
	} else if (laterTypes) {
		// Labels keep their capitals (they hold names such as Team Around the Family).
		const kinds = describeMeetingTypes(laterTypes).join('; ');
		conditions.push(`Met when a later one of these meetings is held by then: ${kinds}.`);
	}
	return conditions;
}

/** The meeting types a rule applies to, as their labels, in the order the rule lists them. */
export function describeMeetingTypes(types: readonly MeetingType[]): string[] {
	return types.map((type) => labelFor(MEETING_TYPE_LABELS, type));
}

export interface RuleWording {
	key: string;
	title: string;
	description: string;
	meetingTypes: string[];
	period: string;
	weekend: string;
	force: RuleForce;
	forceText: string;
	conditions: string[];
	source: string;
}

export function describeRule(rule: TimelineRule): RuleWording {
	return {
		key: rule.key,
		title: rule.title,
		description: rule.description,
		meetingTypes: describeMeetingTypes(rule.meetingTypes),
		period: describePeriod(rule.due),
		weekend: WEEKEND_POLICY_WORDING[rule.weekend],
		force: rule.force,
		forceText: FORCE_WORDING[rule.force],
		conditions: describeConditions(rule),
		source: rule.source
	};
}
