import { buildFamilySummary } from './familySummary.ts';
import { layOutFamilySummary } from './layout/familyLayout.ts';
import { exportStamp, layOutMinutes } from './layout/minutesLayout.ts';
import type { ExportContext, Minutes, RestrictedMinutes } from './minutesTypes.ts';
import { renderActionsCalendar } from './render/actionsCalendar.ts';
import { renderActionsCsv } from './render/csv.ts';
import { renderDocx } from './render/docx.ts';
import { renderHtml } from './render/html.ts';
import { fileNameSlug } from '../fileNameSlug.ts';
import { renderPdf } from './render/pdf.ts';
import type { LaidOutDocument } from './layout/blocks.ts';

/**
 * Every export of the minutes, from one request of plain data (so it can be handed to a
 * worker thread as it is). Restricted notes are included only when the request carries
 * them, which the caller decides with the policy; the family summary never has them.
 */

export const EXPORT_FORMATS = ['pdf', 'docx', 'html', 'csv', 'ics', 'family-pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface MinutesExportRequest {
	format: ExportFormat;
	minutes: Minutes;
	restricted: RestrictedMinutes | null;
	context: ExportContext;
	/** The meeting's minutes page, for links in calendar entries. */
	url: string;
	/** ISO instant the export was made. */
	now: string;
}

/**
 * A document already laid out (plain data, like the minutes' layout), rendered as a tagged
 * PDF: the pre-meeting pack. Laying out is quick; rendering is what must leave the main
 * thread.
 */
export interface LaidOutPdfRequest {
	format: 'laid-out-pdf';
	document: LaidOutDocument;
	footer: string;
	filename: string;
}

export type ExportRequest = MinutesExportRequest | LaidOutPdfRequest;

export interface ExportedFile {
	bytes: Uint8Array;
	contentType: string;
	filename: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
	pdf: 'application/pdf',
	'family-pdf': 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	html: 'text/html; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	ics: 'text/calendar; charset=utf-8'
};

const NAMES: Record<ExportFormat, [string, string]> = {
	pdf: ['minutes', 'pdf'],
	'family-pdf': ['family-summary', 'pdf'],
	docx: ['minutes', 'docx'],
	html: ['minutes', 'html'],
	csv: ['actions', 'csv'],
	ics: ['action-due-dates', 'ics']
};

/** "minutes-aaron-2027-03-12-v2.pdf": ASCII only, so every browser saves it as named. */
export function exportFilename(request: MinutesExportRequest): string {
	const [stem, extension] = NAMES[request.format];
	const child = fileNameSlug(request.minutes.child.firstName, 'child');
	const date = request.minutes.meeting.startsAt.slice(0, 10);
	const version = request.context.version ? `v${request.context.version.number}` : 'draft';
	return `${stem}-${child}-${date}-${version}.${extension}`;
}

const encoder = new TextEncoder();

async function render(request: MinutesExportRequest): Promise<Uint8Array> {
	const { minutes, context } = request;
	const footer = `${minutes.child.firstName}, ${minutes.meeting.when}, ${
		context.version ? `version ${context.version.number}` : 'draft'
	}`;
	switch (request.format) {
		case 'pdf':
			return renderPdf(layOutMinutes(minutes, context, request.restricted), {
				footer: `Minutes: ${footer}`
			});
		case 'docx':
			return renderDocx(layOutMinutes(minutes, context, request.restricted));
		case 'html':
			return encoder.encode(renderHtml(layOutMinutes(minutes, context, request.restricted)));
		case 'family-pdf':
			return renderPdf(layOutFamilySummary(buildFamilySummary(minutes), context), {
				footer: `Family summary: ${footer}`
			});
		case 'csv':
			return encoder.encode(renderActionsCsv(minutes, exportStamp(context, false)));
		case 'ics':
			return encoder.encode(
				renderActionsCalendar(minutes, {
					now: new Date(request.now),
					url: request.url,
					stamp: exportStamp(context, false)
				})
			);
	}
}

export async function renderExport(request: ExportRequest): Promise<ExportedFile> {
	if (request.format === 'laid-out-pdf') {
		return {
			bytes: await renderPdf(request.document, { footer: request.footer }),
			contentType: 'application/pdf',
			filename: request.filename
		};
	}
	return {
		bytes: await render(request),
		contentType: CONTENT_TYPES[request.format],
		filename: exportFilename(request)
	};
}
