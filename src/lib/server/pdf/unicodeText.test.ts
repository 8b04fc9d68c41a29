import PDFDocument from 'pdfkit';
import { withPdf } from '../minutes/testing/readPdf.ts';
import { describe, expect, it } from 'vitest';
import { FACES, loadFont } from './fontFiles.ts';
import { FONT, useUnicodeFonts, type DirectionOption } from './unicodeText.ts';

interface Drawn {
	text: string;
	x: number;
}

/** A one-page PDF drawn by `draw`, its raw bytes and PDF.js's text items with positions. */
async function render(
	draw: (doc: PDFKit.PDFDocument) => void
): Promise<{ raw: string; items: Drawn[] }> {
	const doc = new PDFDocument({ size: 'A4', margin: 50, font: '' });
	useUnicodeFonts(doc);
	const chunks: Uint8Array[] = [];
	doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
	const ended = new Promise((done) => doc.on('end', done));
	draw(doc);
	doc.end();
	await ended;
	const bytes = new Uint8Array(Buffer.concat(chunks));
	return withPdf(bytes, async (pdf) => {
		const content = await (await pdf.getPage(1)).getTextContent();
		const items = content.items.flatMap((item) =>
			'str' in item && item.str.trim() !== '' ? [{ text: item.str, x: item.transform[4] ?? 0 }] : []
		);
		return { raw: Buffer.from(bytes).toString('latin1'), items };
	});
}

/** Each embedded font once (its Type0 font and descendant CIDFont both name it). */
const embedded = (raw: string) =>
	[
		...new Set(Array.from(raw.matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g), (match) => match[1]))
	].sort();

describe('useUnicodeFonts', () => {
	it('embeds only the fonts a document draws with', async () => {
		const latin = await render((doc) => doc.font(FONT.regular).text('Zażółć gęślą jaźń'));
		expect(embedded(latin.raw)).toEqual(['NotoSans-Regular']);
		const mixed = await render((doc) => {
			doc.font(FONT.bold).text('Hello مرحبا 🎉');
			doc.font(FONT.regular).text('আমি ভালো আছি');
		});
		expect(embedded(mixed.raw)).toEqual([
			'NotoEmoji-Bold',
			'NotoNaskhArabic-Bold',
			'NotoSans-Bold',
			'NotoSansBengali-Regular'
		]);
	});

	it('measures text by the fonts that draw it', async () => {
		await render((doc) => {
			doc.font(FONT.regular).fontSize(20);
			const naskh = loadFont(
				FACES.findIndex((face) => face.name === 'arabic'),
				'regular'
			);
			const expected = (naskh.layout('مرحبا').advanceWidth / naskh.unitsPerEm) * 20;
			expect(doc.widthOfString('مرحبا')).toBeCloseTo(expected, 5);
			expect(doc.widthOfString('ab مرحبا')).toBeCloseTo(doc.widthOfString('ab ') + expected, 5);
		});
	});

	it('draws Arabic words right to left, each word joined, and PDF.js reads them back', async () => {
		const { items } = await render((doc) => doc.font(FONT.regular).text('Hi مرحبا بالعالم!'));
		const text = items.map((item) => item.text).join(' ');
		// No stray characters where a letter's dot is a glyph of its own (see unicodeText.ts).
		expect(text).toContain('مرحبا');
		expect(text).toContain('بالعالم');
		const first = items.find((item) => item.text.includes('مرحبا'));
		const second = items.find((item) => item.text.includes('بالعالم'));
		// PDF.js may join the two words in one item; if not, the first word is to the right.
		if (first !== second) expect(first?.x ?? 0).toBeGreaterThan(second?.x ?? 0);
	});

	it('right-aligns a right-to-left paragraph when asked', async () => {
		const options: PDFKit.Mixins.TextOptions & DirectionOption = {
			width: 300,
			align: 'right',
			direction: 'rtl'
		};
		let width = 0;
		const { items } = await render((doc) => {
			doc.font(FONT.regular).fontSize(12);
			width = doc.widthOfString('مرحبا');
			doc.text('مرحبا', 50, 50, options);
		});
		expect(items[0]?.x).toBeCloseTo(50 + 300 - width, 1);
	});

	it('fails loudly on a PDFKit that no longer draws lines with _fragment', () => {
		const doc = new PDFDocument({ font: '' });
		Object.assign(doc, { _fragment: undefined });
		expect(() => useUnicodeFonts(doc)).toThrow(/draws text differently/);
	});
});
