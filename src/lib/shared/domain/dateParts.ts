import { ukDateOf } from './ukCalendar.ts';

/**
 * Reads a GOV.UK date input (separate day, month and year boxes) into an ISO date, with
 * the GOV.UK wording for each way it can go wrong. Pure: the caller passes "now".
 */

export type DatePart = 'day' | 'month' | 'year';

export interface DateParts {
	day: string;
	month: string;
	year: string;
}

export interface DatePartsRules {
	/** Starts each message, e.g. "Date of birth". */
	label: string;
	/** The message when nothing was entered; omit to make the date optional. */
	required?: string;
	/** Reject dates after today (in the UK), e.g. a date of birth. */
	notInFuture?: boolean;
	now?: Date;
}

export type DatePartsResult =
	{ ok: true; date: string | null } | { ok: false; message: string; parts: DatePart[] };

const EARLIEST_YEAR = 1900;

/** "day", "day and month": how GOV.UK names the boxes left empty. */
function listParts(parts: DatePart[]): string {
	const last = parts.at(-1) ?? '';
	return parts.length === 1 ? last : `${parts.slice(0, -1).join(', ')} and ${last}`;
}

export function parseDateParts(input: DateParts, rules: DatePartsRules): DatePartsResult {
	const values = { day: input.day.trim(), month: input.month.trim(), year: input.year.trim() };
	const missing = (['day', 'month', 'year'] as const).filter((part) => values[part] === '');
	if (missing.length === 3) {
		return rules.required
			? { ok: false, message: rules.required, parts: ['day', 'month', 'year'] }
			: { ok: true, date: null };
	}
	if (missing.length > 0) {
		return {
			ok: false,
			message: `${rules.label} must include a ${listParts(missing)}`,
			parts: missing
		};
	}
	const notReal: DatePartsResult = {
		ok: false,
		message: `${rules.label} must be a real date`,
		parts: ['day', 'month', 'year']
	};
	if (!/^\d{1,2}$/.test(values.day) || !/^\d{1,2}$/.test(values.month)) return notReal;
	if (!/^\d{4}$/.test(values.year)) {
		return { ok: false, message: 'Year must include 4 numbers', parts: ['year'] };
	}
	const [day, month, year] = [Number(values.day), Number(values.month), Number(values.year)];
	const candidate = new Date(Date.UTC(year, month - 1, day));
	const real =
		year >= EARLIEST_YEAR &&
		candidate.getUTCFullYear() === year &&
		candidate.getUTCMonth() === month - 1 &&
		candidate.getUTCDate() === day;
	if (!real) return notReal;
	const date = candidate.toISOString().slice(0, 10);
	if (rules.notInFuture && date > ukDateOf(rules.now ?? new Date())) {
		return {
			ok: false,
			message: `${rules.label} must be today or in the past`,
			parts: ['day', 'month', 'year']
		};
	}
	return { ok: true, date };
}
