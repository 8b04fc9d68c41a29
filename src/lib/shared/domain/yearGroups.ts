import { PHASE_TRANSFERS, type PhaseTransfer } from './phaseTransfers.ts';
import type { CalendarDate } from './ukCalendar.ts';

/**
 * Year groups in England, kept as the child's cohort: the calendar year in whose
 * September the child starts (or started) Reception. A cohort stays true as the years
 * pass, where "Year 5" typed in June is wrong by September. The year group on any day
 * is then the number of school years since: Nursery -1, Reception 0, Year 1 … Year 13.
 * A child taught out of their age group has the cohort they are taught with.
 */

/** The year groups people can choose from (the value is the year group's number). */
export const YEAR_GROUPS: readonly { value: number; label: string }[] = [
	{ value: -1, label: 'Nursery (the year before Reception)' },
	{ value: 0, label: 'Reception' },
	...Array.from({ length: 13 }, (_, index) => ({ value: index + 1, label: `Year ${index + 1}` }))
];

const FIRST_YEAR_GROUP = -1;
const LAST_YEAR_GROUP = 13;

/** The calendar year in which the school year holding `day` began (1 September). */
export function academicYearStart(day: CalendarDate): number {
	const [year = 0, month = 1] = day.split('-').map(Number);
	return month >= 9 ? year : year - 1;
}

/** The cohort of a child who is in `yearGroup` on `day`. */
export function receptionYearFor(yearGroup: number, day: CalendarDate): number {
	return academicYearStart(day) - yearGroup;
}

/** The child's year group on `day`. */
export function yearGroupOn(receptionYear: number, day: CalendarDate): number {
	return academicYearStart(day) - receptionYear;
}

/** "Year 6", "Reception", or what is true of a child outside the school years. */
export function yearGroupLabel(receptionYear: number | null, day: CalendarDate): string | null {
	if (receptionYear === null) return null;
	const yearGroup = yearGroupOn(receptionYear, day);
	if (yearGroup < FIRST_YEAR_GROUP) return 'Not yet in nursery';
	if (yearGroup > LAST_YEAR_GROUP) return 'Past Year 13';
	return YEAR_GROUPS.find((group) => group.value === yearGroup)?.label ?? null;
}

/** The move in a few words, for a caseload line ("Moving to secondary school in …"). */
export const TRANSFER_MOVES: Record<PhaseTransfer, string> = {
	early_years_to_school: 'Starting school',
	infant_to_junior: 'Moving to junior school',
	primary_to_secondary: 'Moving to secondary school',
	secondary_to_post16: 'Moving on to college or sixth form'
};

/** The calendar year of the child's move (its September), from the cohort. */
export function transferYearFor(transfer: PhaseTransfer, receptionYear: number): number {
	return receptionYear + PHASE_TRANSFERS[transfer].yearGroupAfter;
}

export interface UpcomingTransfer {
	transfer: PhaseTransfer;
	/** The calendar year whose September the child moves. */
	year: number;
	/** By when the plan must be reviewed and amended, naming the new setting. */
	deadline: CalendarDate;
	/** From the summer term before the transfer year: time to book the autumn review. */
	flagFrom: CalendarDate;
}

/** Moves every child makes (an infant to junior move depends on the school, so is not here). */
const EVERY_CHILD_MOVES: readonly PhaseTransfer[] = [
	'early_years_to_school',
	'primary_to_secondary',
	'secondary_to_post16'
];

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The child's next move between phases whose deadline has not passed on `day`, with the
 * day from which a caseload should flag it (1 June of the year before the move); null
 * when no move is ahead.
 */
export function nextTransfer(receptionYear: number, day: CalendarDate): UpcomingTransfer | null {
	for (const transfer of EVERY_CHILD_MOVES) {
		const year = transferYearFor(transfer, receptionYear);
		const { month, day: dayOfMonth } = PHASE_TRANSFERS[transfer];
		const deadline = `${year}-${pad(month)}-${pad(dayOfMonth)}`;
		if (deadline < day) continue;
		return { transfer, year, deadline, flagFrom: `${year - 1}-06-01` };
	}
	return null;
}

/** Whether the caseload should flag the move on `day`: from the summer before, to the deadline. */
export function isTransferDue(upcoming: UpcomingTransfer | null, day: CalendarDate): boolean {
	return upcoming !== null && upcoming.flagFrom <= day && day <= upcoming.deadline;
}
