import type { Minutes } from '../minutesTypes.ts';

/**
 * The actions as CSV (RFC 4180): CRLF line ends, fields with commas, quotes or line
 * breaks quoted and their quotes doubled. A spreadsheet would run a cell that starts
 * with =, +, -, @ (or a tab or carriage return) as a formula, so such cells are prefixed
 * with an apostrophe (OWASP's advice on CSV injection): they show as the text typed.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRows(rows: string[][]): string {
	return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const ACTION_CSV_HEADER = [
	'Number',
	'Action',
	'Owner',
	'Agency',
	'Due date',
	'Status',
	'Linked outcome',
	'Evidence',
	'Carried forward'
];

/** The UTF-8 byte order mark, so that spreadsheet programs read accents and emoji right. */
export const BOM = '\uFEFF';

export function renderActionsCsv(minutes: Minutes, stamp: string[]): string {
	const rows = minutes.actions.map((action) => [
		String(action.number),
		action.text,
		action.ownerName,
		action.agency,
		action.dueDate ?? '',
		action.statusLabel,
		action.outcome ?? '',
		action.evidence,
		action.carriedFrom ?? ''
	]);
	// Who exported it, after a blank row, padded to the same number of fields.
	const blank = ACTION_CSV_HEADER.map(() => '');
	const footer = [blank, ...stamp.map((line) => [line, ...blank.slice(1)])];
	return BOM + csvRows([ACTION_CSV_HEADER, ...rows, ...footer]);
}
