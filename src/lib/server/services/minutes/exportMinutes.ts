import type { Database } from '../../db/client.ts';
import { renderExportOffThread } from '../../minutes/exportPool.ts';
import type { ExportedFile, ExportFormat } from '../../minutes/exports.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { ReadableMinutes } from './readMinutes.ts';

/** The files each copy of the minutes can be downloaded as, by the name in its address. */
export const EXPORT_FILES: Record<string, ExportFormat> = {
	'minutes.pdf': 'pdf',
	'minutes.docx': 'docx',
	'minutes.html': 'html',
	'actions.csv': 'csv',
	'actions.ics': 'ics',
	'family-summary.pdf': 'family-pdf'
};

export function exportFormatFor(file: string): ExportFormat | null {
	return Object.hasOwn(EXPORT_FILES, file) ? (EXPORT_FILES[file] ?? null) : null;
}

/**
 * Renders one export in the worker pool (queued fairly per person, with a time limit:
 * it throws ExportError, whose message is for the person) and records it in the audit trail: the minutes
 * hold special category data, so who took a copy (and whether it held restricted notes)
 * is kept. The family summary never carries restricted notes, whoever asks.
 */
export async function exportMinutes(
	db: Database,
	readable: ReadableMinutes,
	request: { format: ExportFormat; meetingId: string; actorId: string; url: string; now: Date }
): Promise<ExportedFile> {
	const restricted =
		request.format === 'family-pdf' || request.format === 'csv' || request.format === 'ics'
			? null
			: readable.restricted;
	const file = await renderExportOffThread(
		{
			format: request.format,
			minutes: readable.minutes,
			restricted,
			context: readable.context,
			url: request.url,
			now: request.now.toISOString()
		},
		request.actorId
	);
	await recordAuditEvent(db, {
		actorId: request.actorId,
		action: 'minutes.exported',
		subjectType: 'meeting',
		subjectId: request.meetingId,
		details: {
			format: request.format,
			version: readable.context.version?.number ?? 'draft',
			includesRestricted: restricted !== null
		}
	});
	return file;
}
