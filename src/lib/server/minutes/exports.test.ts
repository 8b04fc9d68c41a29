import { describe, expect, it } from 'vitest';
import { renderExport, type ExportFormat, type MinutesExportRequest } from './exports.ts';
import { buildMinutes, buildRestrictedMinutes } from './minutesModel.ts';
import type { ExportContext } from './minutesTypes.ts';
import { heading, paragraphs } from './layout/blocks.ts';
import { elements, readPdf } from './testing/readPdf.ts';
import { sampleMeeting, type SampleOptions } from './testing/sampleMeeting.ts';
import { unzipText } from './testing/unzip.ts';

const CONTEXT: ExportContext = {
	version: {
		number: 2,
		closedByName: 'Priya Shah',
		closedAt: 'Friday 12 March 2027 at 11:00',
		contentHash: 'a'.repeat(64),
		restrictedHash: 'b'.repeat(64)
	},
	exportedByName: 'Mark Evans',
	exportedAt: 'Monday 15 March 2027 at 09:30'
};

const SECTIONS = [
	'Attendance and apologies',
	'The child’s views',
	'The family’s views',
	'What’s working, what’s not working and worries',
	'Outcomes and progress',
	'Provision and strategies',
	'Decisions',
	'Disagreements',
	'Actions',
	'Next review',
	'Recommendation to the local authority (LA)'
];

function request(
	format: ExportFormat,
	options: SampleOptions & { restricted?: boolean } = {}
): MinutesExportRequest {
	const { doc, restrictedDoc, casework } = sampleMeeting(options);
	return {
		format,
		minutes: buildMinutes(doc, casework),
		restricted: options.restricted ? buildRestrictedMinutes(restrictedDoc) : null,
		context: CONTEXT,
		url: 'https://coplan.example/meetings/x/minutes',
		now: '2027-03-15T09:30:00Z'
	};
}

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('a document already laid out', () => {
	it('renders as a tagged PDF with its own name and footer (the pre-meeting pack)', async () => {
		const file = await renderExport({
			format: 'laid-out-pdf',
			document: {
				title: 'Pre-meeting pack for Aaron',
				stamp: ['Made for Sam Okafor'],
				blocks: [heading(1, 'Pre-meeting pack for Aaron'), ...paragraphs('Agenda: welcome')]
			},
			footer: 'Pre-meeting pack: Aaron',
			filename: 'pack-aaron-2027-03-12.pdf'
		});
		expect(file).toMatchObject({
			contentType: 'application/pdf',
			filename: 'pack-aaron-2027-03-12.pdf'
		});
		const pdf = await readPdf(file.bytes);
		expect(pdf.info.Title).toBe('Pre-meeting pack for Aaron');
		expect(pdf.text).toContain('Agenda: welcome');
		expect(pdf.raw).toMatch(/\/Marked true/);
	});
});

describe('the PDF', () => {
	it('is a tagged PDF in British English with its title shown', async () => {
		const file = await renderExport(request('pdf'));
		expect(file.contentType).toBe('application/pdf');
		expect(file.filename).toBe('minutes-aaron-2027-03-12-v2.pdf');
		const pdf = await readPdf(file.bytes);
		expect(pdf.info.Language).toBe('en-GB');
		expect(pdf.info.Title).toBe(
			'Minutes: Annual review of an Education, Health and Care plan (EHCP) for Aaron, Friday 12 March 2027 at 10:00'
		);
		expect(pdf.raw).toMatch(/\/DisplayDocTitle true/);
		expect(pdf.raw).toMatch(/\/Marked true/);
		// Everything in the sample can be drawn: no note about characters that cannot.
		expect(pdf.text).not.toContain('cannot be drawn');
	});

	it('has every section as a heading in its structure tree, and all its text', async () => {
		const pdf = await readPdf((await renderExport(request('pdf'))).bytes);
		expect(elements(pdf, 'H1').map((h) => h.text)).toEqual([
			'Minutes: Annual review of an Education, Health and Care plan (EHCP) for Aaron, Friday 12 March 2027 at 10:00'
		]);
		const h2 = elements(pdf, 'H2').map((h) => h.text);
		for (const section of SECTIONS) expect(h2).toContain(section);
		expect(h2).not.toContain('Restricted notes');
		for (const words of [
			'Exported by Mark Evans on Monday 15 March 2027 at 09:30 (UK time).',
			'Version 2 of the minutes',
			'I like the drums.',
			'We use home signs.',
			'Keep the daily speech and language sessions',
			'Yes: he needs an adult with him all day.',
			'10 March 2028',
			'Amend the plan',
			'26 March 2027'
		]) {
			expect(pdf.text).toContain(words);
		}
		expect(elements(pdf, 'L').length).toBeGreaterThan(0);
		expect(elements(pdf, 'LI').length).toBeGreaterThan(0);
	});

	it('has the actions as a real table: column headers, then one row per action with its owner', async () => {
		const big = request('pdf', { actions: 20 });
		const pdf = await readPdf((await renderExport(big)).bytes);
		const tables = elements(pdf, 'Table').filter((table) =>
			table.children.some((row) => row.children.some((cell) => cell.text === 'Linked outcome'))
		);
		expect(tables.length).toBeGreaterThan(0);
		const header = tables[0]?.children[0]?.children ?? [];
		expect(header.map((cell) => [cell.role, cell.scope, cell.text])).toEqual(
			['Action', 'Owner', 'Agency', 'Due date', 'Status', 'Linked outcome'].map((label) => [
				'TH',
				'Column',
				label
			])
		);
		const rows = tables
			.flatMap((table) => table.children)
			.filter((row) => row.role === 'TR' && row.children.every((cell) => cell.role === 'TD'));
		expect(rows).toHaveLength(big.minutes.actions.length);
		big.minutes.actions.forEach((action, index) => {
			expect(rows[index]?.children[1]?.text).toBe(action.ownerName);
			expect(rows[index]?.children[3]?.text).toBe(action.dueDateText);
		});
	});

	it('includes the restricted notes only when asked to', async () => {
		const withNotes = await readPdf(
			(await renderExport(request('pdf', { restricted: true }))).bytes
		);
		expect(elements(withNotes, 'H2').map((h) => h.text)).toContain('Restricted notes');
		expect(withNotes.text).toContain('Child in need plan reviewed on 1 March.');
		expect(withNotes.text).toContain('Fingerprint (SHA-256) of its restricted notes');
		const without = await readPdf((await renderExport(request('pdf'))).bytes);
		expect(without.text).not.toContain('Child in need');
		expect(without.text).not.toContain('restricted notes');
	});

	it('says a draft is a draft', async () => {
		const draft = { ...request('pdf'), context: { ...CONTEXT, version: null } };
		const file = await renderExport(draft);
		expect(file.filename).toBe('minutes-aaron-2027-03-12-draft.pdf');
		expect((await readPdf(file.bytes)).text).toContain('DRAFT: the meeting is still open');
	});
});

describe('the Word document', () => {
	it('uses Word’s heading styles, real tables with a repeating header row, and en-GB', async () => {
		const file = await renderExport(request('docx'));
		expect(file.filename).toBe('minutes-aaron-2027-03-12-v2.docx');
		const files = unzipText(file.bytes);
		const body = files['word/document.xml'] ?? '';
		expect(body.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(1);
		expect((body.match(/<w:pStyle w:val="Heading2"\/>/g) ?? []).length).toBeGreaterThanOrEqual(
			SECTIONS.length
		);
		for (const section of SECTIONS) expect(body).toContain(section.replace('’', '’'));
		expect(body).toContain('<w:tbl>');
		expect(body).toContain('<w:tblHeader/>');
		for (const owner of ['Sam Okafor', 'Priya Shah']) expect(body).toContain(owner);
		expect(body).toContain('Exported by Mark Evans on Monday 15 March 2027 at 09:30');
		expect(files['word/styles.xml']).toContain('w:val="en-GB"');
		expect(files['docProps/core.xml']).toContain('Minutes: Annual review');
	});
});

describe('the printable HTML page', () => {
	it('is a whole page in British English with headings, captions and header cells', async () => {
		const html = text((await renderExport(request('html'))).bytes);
		expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
		expect(html).toContain('<title>Minutes: Annual review');
		for (const section of SECTIONS) expect(html).toContain(`>${section}</h2>`);
		expect(html).toContain('<caption>Actions agreed, with their owners</caption>');
		expect(html).toContain('<th scope="col">Owner</th>');
		expect(html).toContain('<th scope="row" dir="auto">Sarah Thompson</th>');
	});
});

describe('the actions as CSV', () => {
	it('has a header and one row per action, quoted as RFC 4180 asks', async () => {
		const csv = text((await renderExport(request('csv'))).bytes);
		expect(csv.startsWith('\uFEFFNumber,Action,Owner,Agency,Due date,Status')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[2]).toBe(
			'2,Teach the class five of Aaron’s home signs,Sam Okafor,Northshire Community Health,2027-04-16,Open,"Outcome 1: By the end of Key Stage 1, Aaron will ask for help using hi…",,'
		);
		expect(csv).toContain('Exported by Mark Evans on Monday 15 March 2027 at 09:30 (UK time).');
		expect(csv.endsWith('\r\n')).toBe(true);
	});
});

describe('the calendar of due dates', () => {
	it('has an all-day event for each open action with a due date', async () => {
		const ics = text((await renderExport(request('ics'))).bytes);
		const events = ics.split('BEGIN:VEVENT').slice(1);
		// The done action has no event; the carried and the open one do.
		expect(events).toHaveLength(2);
		expect(ics).toContain('DTSTART;VALUE=DATE:20270416');
		expect(ics).toContain('DTEND;VALUE=DATE:20270417');
		expect(ics).toContain('SUMMARY:Aaron: action due (Sam Okafor)');
		for (const line of ics.split('\r\n')) {
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		}
	});
});

describe('the family summary PDF', () => {
	it('has the four plain-English headings and no restricted content', async () => {
		const withRestricted = request('family-pdf', { restricted: true });
		const file = await renderExport(withRestricted);
		expect(file.filename).toBe('family-summary-aaron-2027-03-12-v2.pdf');
		const pdf = await readPdf(file.bytes);
		expect(elements(pdf, 'H2').map((h) => h.text)).toEqual([
			'What we talked about',
			'What we agreed',
			'Who will do what, by when',
			'When we meet next',
			'Words we used'
		]);
		expect(pdf.text).toContain('Sam Okafor');
		expect(pdf.text).toContain('We will meet again on 10 March 2028.');
		expect(pdf.text).not.toContain('Child in need');
		expect(pdf.info.Language).toBe('en-GB');
	});
});
