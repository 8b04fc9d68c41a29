import { describe, expect, it } from 'vitest';
import { setFieldText } from '../../shared/collab/meetingDoc.ts';
import { renderExport, type ExportFormat } from './exports.ts';
import { buildMinutes } from './minutesModel.ts';
import { elements, readPdf } from './testing/readPdf.ts';
import { sampleMeeting } from './testing/sampleMeeting.ts';

/**
 * Families write in their own languages: each of England's commonest community scripts
 * prints in the PDFs as itself, not as "?", and comes back out as the words typed.
 */

const WRITTEN = {
	polish: 'Zażółć gęślą jaźń',
	urdu: 'آپ کیسے ہیں',
	arabic: 'مرحبا بالعالم',
	bengali: 'আমি ভালো আছি',
	hindi: 'नमस्ते',
	punjabi: 'ਸਤ ਸ੍ਰੀ ਅਕਾਲ',
	emoji: '👩‍👩‍👧 🎉'
};

async function exported(format: ExportFormat) {
	const { doc, casework } = sampleMeeting();
	// One paragraph for each language.
	setFieldText(doc, 'familyViews', Object.values(WRITTEN).join('\n'));
	const file = await renderExport({
		format,
		minutes: buildMinutes(doc, casework),
		restricted: null,
		context: { version: null, exportedByName: 'Mark Evans', exportedAt: 'Monday 15 March 2027' },
		url: 'https://coplan.example/meetings/x/minutes',
		now: '2027-03-15T09:30:00Z'
	});
	return readPdf(file.bytes);
}

describe('the minutes PDF in every language', () => {
	it('draws every language, with nothing left as "?"', async () => {
		const pdf = await exported('pdf');
		expect(pdf.text).not.toContain('cannot be drawn');
		expect(pdf.raw).not.toMatch(/\/BaseFont \/Helvetica/);
		const paragraphs = elements(pdf, 'P');
		for (const [language, words] of Object.entries(WRITTEN)) {
			const paragraph = paragraphs.find((element) => (element.alt ?? element.text) === words);
			expect(paragraph, language).toBeDefined();
		}
	});

	it('reads back as typed, except Bengali vowel signs drawn before their consonant', async () => {
		const pdf = await exported('pdf');
		// PDF.js puts right-to-left glyphs back in typed order. Urdu's آ is drawn as an alef
		// and a madda mark, so it reads back as the two (ا + ٓ), the same text once composed.
		const text = pdf.text.normalize('NFC');
		for (const [language, words] of Object.entries(WRITTEN)) {
			if (language !== 'bengali') expect(text, language).toContain(words);
		}
		// PDF.js reads glyphs in drawn order, so ি and the first half of ো come before the
		// consonant they follow. Screen readers and copying use the ActualText, which is exact.
		const bengali = elements(pdf, 'P').find((element) => element.alt === WRITTEN.bengali);
		expect(bengali?.text).toBe('আিম ভােলা আিছ');
	});

	it('draws them in the summary for the family too', async () => {
		const pdf = await exported('family-pdf');
		expect(pdf.text).not.toContain('cannot be drawn');
		expect(pdf.text).toContain(WRITTEN.polish);
		expect(pdf.text).toContain(WRITTEN.arabic);
	});
});
