import type { FieldErrors } from '../../forms.ts';
import { isCalendarDate, ukInstant } from '../../../shared/domain/ukCalendar.ts';

export interface HistoryMoment {
	/** What was typed, handed back to the form. */
	values: { date: string; time: string };
	errors: FieldErrors;
	/** The moment to show, or null when none was asked for or it could not be read. */
	at: Date | null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * "See the meeting as it was at": the history page's GET form (so that the chosen moment
 * can be bookmarked), a UK date and 24-hour time. Both left empty asks for no moment.
 */
export function parseHistoryMoment(searchParams: URLSearchParams): HistoryMoment {
	const date = (searchParams.get('date') ?? '').trim();
	const time = (searchParams.get('time') ?? '').trim();
	const values = { date, time };
	if (date === '' && time === '') return { values, errors: {}, at: null };
	const errors: FieldErrors = {};
	if (!isCalendarDate(date)) errors.date = 'Enter a real date, for example 24 November 2026';
	if (!TIME.test(time)) errors.time = 'Enter a time, for example 10:30';
	if (Object.keys(errors).length > 0) return { values, errors, at: null };
	const at = ukInstant(date, time);
	if (!at) errors.time = 'That time did not happen in the UK (the clocks went forward)';
	return { values, errors, at };
}
