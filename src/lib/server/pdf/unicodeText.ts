import type { Font } from 'fontkit';
import {
	EMOJI_FACE,
	FACES,
	MAIN_FACE_ONLY,
	faceCovers,
	loadFont,
	type Weight
} from './fontFiles.ts';
import { NOTHING, fontRuns, type FaceSet } from './fontRuns.ts';
import { correctGlyphMeanings, forgetGlyphMeanings, type EmbeddedGlyphs } from './glyphMeanings.ts';
import { paragraphDirection, visualPieces, type Direction } from './visualOrder.ts';

/**
 * Gives a PDFKit document every script and emoji: the names to pass to `doc.font()`, and
 * a layer under PDFKit's text layout that draws each line in as many fonts as it needs,
 * in visual order (see fontRuns.ts and visualOrder.ts).
 *
 * PDFKit breaks a paragraph into lines by measuring words (`widthOfString`) and draws
 * each line with `_fragment` in the current font. Both are replaced on the document:
 * measuring adds up the widths of the text's font runs, and drawing puts the line in
 * visual order and draws piece after piece, each in its font, on the main font's
 * baseline. So paragraphs, lists, table cells and footers all get it, and line breaking,
 * tables and tagging stay PDFKit's. `_fragment` is PDFKit's own (0.20), not its API:
 * unicodeText.test.ts fails if an upgrade changes it. Before the file is written, what
 * the glyphs stand for is mended (glyphMeanings.ts).
 */

export const FONT = { regular: 'coplan-regular', bold: 'coplan-bold' } as const;

/** A text option PDFKit passes through to each line: the paragraph's direction. */
export interface DirectionOption {
	direction?: Direction;
}

const FACE_SET: FaceSet = { count: FACES.length, emoji: EMOJI_FACE, covers: faceCovers };
const MAIN_FACE = 0;

/** The parts of PDFKit's font object (EmbeddedFont) used here. */
interface PdfFont extends EmbeddedGlyphs {
	ascender: number;
	widthOfString(text: string, size: number, features?: unknown): number;
}

interface LineOptions extends DirectionOption {
	align?: string;
	width?: number;
	lineWidth?: number;
	textWidth?: number;
	wordCount?: number;
	baseline?: number | string;
	characterSpacing?: number;
	horizontalScaling?: number;
	features?: unknown;
}

/** PDFKit's internals that the layer replaces or reads. */
interface Internals {
	_font: PdfFont | null;
	_fontSize: number;
	_fontSource: unknown;
	_fontFamily: unknown;
	_fragment(text: string, x: number, y: number, options: LineOptions): void;
	widthOfString(text: string, options?: LineOptions): number;
}

/**
 * PDFKit takes fontkit fonts as well as files (PDFFontFactory.open checks for `layout`),
 * though its types do not say so.
 */
function asFontSource(font: Font): PDFKit.Mixins.PDFFontSource {
	return font as unknown as PDFKit.Mixins.PDFFontSource;
}

/** A face in a weight: one of this layer's fonts on a document. */
interface FaceWeight {
	face: number;
	weight: Weight;
}

export function useUnicodeFonts(doc: PDFKit.PDFDocument): void {
	// The document is PDFKit's object with the mixins' private members on it.
	const internals = doc as unknown as Internals;
	const drawFragment = internals._fragment;
	const measure = internals.widthOfString;
	if (typeof drawFragment !== 'function' || typeof measure !== 'function') {
		throw new Error('This PDFKit draws text differently: see unicodeText.ts');
	}
	const byName = new Map<string, PdfFont>();
	const ours = new Map<PdfFont, FaceWeight>();

	/** A face in a weight, made (so embedded, if drawn with) only when first needed. */
	const pdfFont = (face: number, weight: Weight, name?: string): PdfFont => {
		const key = name ?? `coplan-${FACES[face]?.name ?? face}-${weight}`;
		let font = byName.get(key);
		if (font === undefined) {
			const { _font, _fontSource, _fontFamily } = internals;
			const parsed = loadFont(face, weight);
			forgetGlyphMeanings(parsed);
			doc.registerFont(key, asFontSource(parsed));
			doc.font(key);
			font = internals._font ?? undefined;
			Object.assign(internals, { _font, _fontSource, _fontFamily });
			if (font === undefined) throw new Error(`PDFKit did not load ${key}`);
			byName.set(key, font);
			ours.set(font, { face, weight });
		}
		return font;
	};

	pdfFont(MAIN_FACE, 'regular', FONT.regular);
	pdfFont(MAIN_FACE, 'bold', FONT.bold);
	doc.font(FONT.regular);

	internals.widthOfString = function (text, options = {}) {
		const current = internals._font;
		const drawn = current === null ? undefined : ours.get(current);
		if (current === null || drawn === undefined || MAIN_FACE_ONLY.test(text)) {
			return measure.call(this, text, options);
		}
		let width = 0;
		for (const run of fontRuns(text, FACE_SET)) {
			if (run.face === NOTHING) continue;
			const font = run.face === drawn.face ? current : pdfFont(run.face, drawn.weight);
			width += font.widthOfString(
				text.slice(run.start, run.end),
				internals._fontSize,
				options.features
			);
		}
		const spacing = (options.characterSpacing ?? 0) * (text.length - 1);
		return ((width + spacing) * (options.horizontalScaling ?? 100)) / 100;
	};

	internals._fragment = function (text, x, y, options) {
		const current = internals._font;
		const drawn = current === null ? undefined : ours.get(current);
		// Trailing spaces draw nothing, and would sit at the left of a right-to-left line.
		const line = text.replace(/\n/g, '').replace(/\s+$/u, '');
		if (current === null || drawn === undefined || MAIN_FACE_ONLY.test(line)) {
			drawFragment.call(this, text, x, y, options);
			return;
		}
		const size = internals._fontSize;
		const pieces = visualPieces(
			line,
			fontRuns(line, FACE_SET),
			options.direction ?? paragraphDirection(line)
		).map((piece) => {
			const font = piece.face === drawn.face ? current : pdfFont(piece.face, drawn.weight);
			return { ...piece, font, width: font.widthOfString(piece.text, size, options.features) };
		});
		const width = pieces.reduce((sum, piece) => sum + piece.width, 0);
		if (options.width !== undefined && options.lineWidth !== undefined) {
			if (options.align === 'right') x += options.lineWidth - width;
			if (options.align === 'center') x += (options.lineWidth - width) / 2;
		}
		// PDFKit puts a font's top at y; the main font's baseline is kept for every piece.
		const pieceOptions: LineOptions = {
			...options,
			align: 'left',
			width: undefined,
			textWidth: undefined,
			wordCount: undefined,
			baseline: options.baseline ?? -((current.ascender / 1000) * size)
		};
		try {
			for (const piece of pieces) {
				internals._font = piece.font;
				drawFragment.call(this, piece.text, x, y, pieceOptions);
				x += piece.width;
			}
		} finally {
			internals._font = current;
		}
	};

	const end = doc.end;
	doc.end = function () {
		ours.forEach((font, pdf) => correctGlyphMeanings(pdf, loadFont(font.face, font.weight)));
		end.call(this);
	};
}
