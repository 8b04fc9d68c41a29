import { describe, expect, it } from 'vitest';
import { itemFieldId, readActions, setFieldText } from '../../shared/collab/meetingDoc.ts';
import { renderExport, type ExportFormat, type MinutesExportRequest } from './exports.ts';
import { buildMinutes, buildRestrictedMinutes } from './minutesModel.ts';
import { csvCell } from './render/csv.ts';
import { isRightToLeft, xmlSafe } from './render/docx.ts';
import { elements, readPdf } from './testing/readPdf.ts';
import { sampleMeeting } from './testing/sampleMeeting.ts';
import { unzipText } from './testing/unzip.ts';

/**
 * Whatever anyone types — markup, scripts, very long words, right-to-left scripts, emoji,
 * spreadsheet formulas, calendar line breaks — comes out of every export as the text
 * they typed, and never as markup, code or structure.
 */

const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(12);
const ARABIC = 'مرحبا بالعالم';
const EMOJI = '👩‍👩‍👧 🎉';
const PAYLOAD = `<script>alert(1)</script><img src=x onerror="alert(2)"> & ${LONG_WORD} ${ARABIC} שלום ${EMOJI} őű`;

function attackRequest(format: ExportFormat): MinutesExportRequest {
	const { doc, restrictedDoc, casework } = sampleMeeting({ payload: PAYLOAD });
	// A field that starts right to left, and actions that look like formulas or calendar lines.
	setFieldText(doc, 'familyViews', `${ARABIC}: we want school to learn his signs`);
	const [first, second] = readActions(doc);
	if (!first || !second) throw new Error('sample has actions');
	setFieldText(
		doc,
		itemFieldId('actions', first.id, 'text'),
		'=HYPERLINK("http://evil.example","Click")'
	);
	setFieldText(
		doc,
		itemFieldId('actions', second.id, 'text'),
		'Call home\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Injected; yes, really'
	);
	return {
		format,
		minutes: buildMinutes(doc, {
			...casework,
			child: { ...casework.child, firstName: '<b>Aaron</b>' }
		}),
		restricted: buildRestrictedMinutes(restrictedDoc),
		context: {
			version: null,
			exportedByName: '<i>Mark</i> Evans',
			exportedAt: 'Monday 15 March 2027 at 09:30'
		},
		url: 'https://coplan.example/meetings/x/minutes',
		now: '2027-03-15T09:30:00Z'
	};
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('typed text in the exports', () => {
	it('is escaped in the HTML page, never markup', async () => {
		const html = decode((await renderExport(attackRequest('html'))).bytes);
		expect(html).not.toContain('<script>alert');
		expect(html).not.toContain('<img src=x');
		expect(html).not.toContain('<b>Aaron</b>');
		expect(html).not.toContain('<i>Mark</i>');
		expect(html).toContain(
			'&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp;'
		);
		expect(html).toContain(LONG_WORD);
		expect(html).toContain(ARABIC);
		expect(html).toContain(EMOJI);
		// The only scripts and images a browser would find: none.
		expect(html.match(/<script|<img|<iframe/gi)).toBeNull();
	});

	it('is drawn as text in the PDF; characters no font has keep their words as ActualText', async () => {
		for (const format of ['pdf', 'family-pdf'] as const) {
			const pdf = await readPdf((await renderExport(attackRequest(format))).bytes);
			expect(pdf.text).toContain('<script>alert(1)</script><img src=x onerror="alert(2)">');
			expect(pdf.text).toContain(ARABIC);
			// The end of the payload, in full in the minutes (the family's summary shortens
			// it). Coplan has no Hebrew font: שלום is drawn as "????", and a note says why.
			if (format === 'pdf') {
				expect(pdf.text).toContain('őű');
				expect(pdf.text).toContain('cannot be drawn in this PDF and show as “?”');
				expect(pdf.text).toContain('????');
			}
			const alternatives = elements(pdf).flatMap((element) => (element.alt ? [element.alt] : []));
			expect(alternatives.join('\n'), format).toContain(ARABIC);
			// In the formal minutes the whole payload survives, table cells included.
			if (format === 'pdf') {
				const cells = elements(pdf, 'TD').filter((cell) => cell.alt?.includes(EMOJI));
				expect(cells.length).toBeGreaterThan(0);
			}
			// The long word wraps across lines rather than running off the page.
			if (format === 'pdf') expect(pdf.text.replace(/\s+/g, '')).toContain(LONG_WORD);
		}
	});

	it('makes a PDF of text pasted without spaces, keeping every character', async () => {
		// Before breakLongRuns, PDFKit measured what was left of such a run after every
		// line: a 20 MB meeting of it never finished and held its worker for good.
		const run = 'x'.repeat(60_000);
		const { doc, casework } = sampleMeeting({ payload: run });
		const request = { ...attackRequest('pdf'), minutes: buildMinutes(doc, casework) };
		const pdf = await readPdf((await renderExport(request)).bytes);
		expect(pdf.pageCount).toBeGreaterThan(1);
		expect(elements(pdf).some((element) => element.alt === run)).toBe(true);
		// ~2 s alone; many times that beside the browser tests on 2 cores.
	}, 120_000);

	it('is escaped in the Word document, with right-to-left paragraphs marked', async () => {
		const body =
			unzipText((await renderExport(attackRequest('docx'))).bytes)['word/document.xml'] ?? '';
		expect(body).not.toContain('<script>');
		expect(body).not.toContain('<b>Aaron</b>');
		expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(body).toContain(ARABIC);
		expect(body).toContain(EMOJI);
		expect(body).toContain('<w:bidi/>');
	});

	it('cannot become a spreadsheet formula in the CSV', async () => {
		const csv = decode((await renderExport(attackRequest('csv'))).bytes);
		expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""Click"")"');
		expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-1+1')).toBe("'-1+1");
		expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
		expect(csvCell('\tcmd')).toBe("'\tcmd");
		expect(csvCell('a "quoted", word')).toBe('"a ""quoted"", word"');
		expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
		expect(csvCell('2 + 2')).toBe('2 + 2');
	});

	it('cannot add events or properties to the calendar', async () => {
		const ics = decode((await renderExport(attackRequest('ics'))).bytes);
		expect(ics.match(/^BEGIN:VEVENT$/gm)).toHaveLength(2);
		expect(ics).not.toMatch(/^SUMMARY:Injected/m);
		expect(ics.replace(/\r\n /g, '')).toContain(
			'Call home\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Injected\\; yes\\, really'
		);
	});
});

describe('XML for Word', () => {
	it('drops characters XML cannot hold and spots right-to-left text', () => {
		expect(xmlSafe('a\u0000b\u0007c\ud800d\u000Be')).toBe('abcde');
		expect(xmlSafe('😀 fine')).toBe('😀 fine');
		expect(isRightToLeft(`${ARABIC} hello`)).toBe(true);
		expect(isRightToLeft('hello שלום')).toBe(false);
		expect(isRightToLeft('12 שלום')).toBe(true);
	});
});
