import { describe, expect, it } from 'vitest';
import { readOutcomes } from '../../shared/collab/meetingDoc.ts';
import { renderExport, type ExportFormat } from './exports.ts';
import { buildFamilySummary } from './familySummary.ts';
import { buildMinutes } from './minutesModel.ts';
import { elements, readPdf } from './testing/readPdf.ts';
import { sampleMeeting } from './testing/sampleMeeting.ts';
import { unzipText } from './testing/unzip.ts';

/**
 * Aaron's review on 12 March 2027 scores his outcome 6; two earlier closed reviews scored
 * it 3 and 5. Every format shows the three scores together.
 */
function minutesWithHistory() {
	const { doc, casework } = sampleMeeting();
	const outcomeId = readOutcomes(doc)[0]?.id ?? '';
	casework.earlierProgress = {
		[outcomeId]: [
			{ meetingDate: '2026-03-05', score: 3 },
			{ meetingDate: '2026-10-14', score: 5 }
		]
	};
	return buildMinutes(doc, casework);
}

async function exported(format: ExportFormat) {
	return renderExport({
		format,
		minutes: minutesWithHistory(),
		restricted: null,
		context: { version: null, exportedByName: 'Mark Evans', exportedAt: 'Monday 15 March 2027' },
		url: 'https://coplan.example/meetings/x/minutes',
		now: '2027-03-15T09:30:00Z'
	});
}

const EARLIER = '3 out of 10 (5 March 2026); 5 out of 10 (14 October 2026)';
const SUMMARY =
	'Progress chart, scores out of 10 at 3 reviews from March 2026 to March 2027: 3 in March 2026, 5 in October 2026, 6 in March 2027.';
const SENTENCE =
	'Asking for help using his signs or words: 5 out of 10 at the review in October 2026, 6 out of 10 now (up 1).';

describe('progress over time in the minutes', () => {
	it('keeps each outcome’s earlier scores in the model, as plain data', () => {
		const minutes = minutesWithHistory();
		expect(minutes.outcomes[0]?.earlier).toEqual([
			{ meetingDate: '2026-03-05', dateText: '5 March 2026', score: 3 },
			{ meetingDate: '2026-10-14', dateText: '14 October 2026', score: 5 }
		]);
		expect(JSON.parse(JSON.stringify(minutes))).toEqual(minutes);
		// Without history the outcome reads as minutes always did.
		const { doc, casework } = sampleMeeting();
		expect(buildMinutes(doc, casework).outcomes[0]).not.toHaveProperty('earlier');
	});

	it('shows a table and an SVG chart in the HTML', async () => {
		const html = new TextDecoder().decode((await exported('html')).bytes);
		expect(html).toContain('<caption>Progress towards outcomes at each review</caption>');
		expect(html).toContain(
			'<th scope="col">Outcome</th><th scope="col">Earlier reviews</th><th scope="col">This review</th>'
		);
		expect(html).toContain(`<td dir="auto">${EARLIER}</td><td dir="auto">6 out of 10</td>`);
		expect(html).toContain(`<svg role="img" aria-label="${SUMMARY}"`);
		expect(html).toMatch(/<text [^>]*>Mar 2026<\/text>/);
	});

	it('shows the table in the PDF, and the chart as a Figure with its summary', async () => {
		const pdf = await readPdf((await exported('pdf')).bytes);
		expect(elements(pdf, 'H3').map((h) => h.text)).toContain('Progress over time');
		expect(pdf.text).toContain('Progress towards outcomes at each review');
		const cells = elements(pdf, 'TD').map((cell) => cell.text);
		expect(cells).toContain(EARLIER);
		expect(cells).toContain('6 out of 10');
		expect(elements(pdf, 'Figure').map((figure) => figure.alt)).toEqual([SUMMARY]);
		expect(pdf.text).toContain('Chart of progress: Outcome 1');
	});

	it('shows the table in the Word document', async () => {
		const body = unzipText((await exported('docx')).bytes)['word/document.xml'] ?? '';
		expect(body).toContain('Progress towards outcomes at each review');
		expect(body).toContain(EARLIER);
	});

	it('tells the family how things are going, in plain words', async () => {
		const summary = buildFamilySummary(minutesWithHistory());
		expect(summary.progress).toEqual([SENTENCE]);
		expect(summary.talkedAbout).toContain(
			'Goal 1: By the end of Key Stage 1, Aaron will ask for help using his signs or words'
		);
		const pdf = await readPdf((await exported('family-pdf')).bytes);
		expect(elements(pdf, 'H2').map((h) => h.text)).toContain('How things are going');
		expect(pdf.text).toContain(SENTENCE);
	});
});
