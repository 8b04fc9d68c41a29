/**
 * Flags on professional advice, so that out-of-date strategies are noticed before a
 * review relies on them (DOMAIN.md: a therapist's programme was not updated and the
 * teaching assistant stopped using it). Dates are ISO calendar dates (YYYY-MM-DD).
 */

export const STALE_AFTER_MONTHS = 12;

export interface AdviceDates {
	adviceDate: string;
	reviewBy: string | null;
}

export interface AdviceFlags {
	/** The advice was given more than 12 months ago. */
	stale: boolean;
	/** Its review-by date has passed. */
	reviewDue: boolean;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same calendar day some months earlier; 31 March less one month is 28 or 29 February. */
export function monthsBefore(isoDate: string, months: number): string {
	const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
	const total = year * 12 + (month - 1) - months;
	const targetYear = Math.floor(total / 12);
	const targetMonth = (total % 12) + 1;
	const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
	return [
		String(targetYear).padStart(4, '0'),
		String(targetMonth).padStart(2, '0'),
		String(targetDay).padStart(2, '0')
	].join('-');
}

export function adviceFlags(advice: AdviceDates, today: string): AdviceFlags {
	return {
		stale: advice.adviceDate < monthsBefore(today, STALE_AFTER_MONTHS),
		reviewDue: advice.reviewBy !== null && advice.reviewBy < today
	};
}

/** Advice to look at again before a review relies on it: stale, or past its review date. */
export function needsAttention(flags: AdviceFlags): boolean {
	return flags.stale || flags.reviewDue;
}
