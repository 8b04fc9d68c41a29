import { csvRows } from '../../minutes/render/csv.ts';
import { formatUkShortDate, ukDateOf, ukTimeOf } from '../../../shared/domain/ukCalendar.ts';
import { auditLabel } from './auditLabels.ts';
import type { AuditEntry } from './auditTrail.ts';

export const AUDIT_CSV_HEADER = [
	'Date',
	'Time (UK)',
	'Who',
	'Email address',
	'What',
	'Event code',
	'Child',
	'Child record ID',
	'Subject',
	'Address',
	'Page or document',
	'Details'
];

/** What the entry touched, beyond its child: the page read, or the change's own details. */
export function entryPlace(entry: AuditEntry): string {
	const path = entry.details.path;
	return typeof path === 'string' ? path : '';
}

function otherDetails(entry: AuditEntry): string {
	const rest = Object.entries(entry.details).filter(([key]) => key !== 'path');
	return rest.length === 0 ? '' : JSON.stringify(Object.fromEntries(rest));
}

export function auditCsvRows(entries: AuditEntry[]): string {
	return csvRows(
		entries.map((entry) => [
			formatUkShortDate(ukDateOf(entry.occurredAt)),
			ukTimeOf(entry.occurredAt),
			entry.actorName ?? 'Removed account or the server',
			entry.actorEmail ?? '',
			auditLabel(entry.action),
			entry.action,
			entry.childId ? (entry.childName ?? 'Deleted record') : '',
			entry.childId ?? '',
			`${entry.subjectType} ${entry.subjectId}`,
			entry.ip ?? '',
			entryPlace(entry),
			otherDetails(entry)
		])
	);
}
