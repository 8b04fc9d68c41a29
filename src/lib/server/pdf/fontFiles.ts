import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { skipMissingAnchors } from './fontkitPatch.ts';

/**
 * The fonts every Coplan PDF draws with, in the order a character looks for a font that
 * has it: Noto Sans first (Latin with every European accent, Greek, Cyrillic, Devanagari),
 * then the scripts of England's most common community languages, then emoji. Whole
 * TrueType files from npm: pdfkit subsets each font it embeds, so a PDF carries only the
 * glyphs it uses, and only the fonts it uses.
 *
 * Urdu is drawn in Naskh, not Nastaliq, the style Urdu readers expect: Noto Nastaliq Urdu
 * needs lines nearly twice as tall as Noto Sans's, Urdu and Arabic share their letters
 * (so the choice would be a guess), and fontkit 2.0.4 threw on its words until
 * fontkitPatch.ts.
 */

/**
 * Resolved from this module, not the working directory, so the built server finds the
 * same files under node_modules as the tests do: the fonts are runtime dependencies.
 */
const require = createRequire(import.meta.url);

export type Weight = 'regular' | 'bold';

export interface Face {
	/** What it is for, in the registered font's name. */
	name: string;
	/** The TrueType files' paths in node_modules. */
	files: Record<Weight, () => string>;
}

export const FACES: readonly Face[] = [
	{
		// Also Devanagari (Hindi, Marathi, Nepali), shaped as Noto Sans Devanagari shapes it.
		name: 'latin',
		files: {
			regular: () =>
				require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
			bold: () => require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')
		}
	},
	{
		// Arabic, Urdu, Persian, Pashto, Kurdish (Sorani).
		name: 'arabic',
		files: {
			regular: () =>
				require.resolve('@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf'),
			bold: () =>
				require.resolve('@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf')
		}
	},
	{
		// Bengali and Sylheti as written in Bengali script.
		name: 'bengali',
		files: {
			regular: () =>
				require.resolve('@expo-google-fonts/noto-sans-bengali/400Regular/NotoSansBengali_400Regular.ttf'),
			bold: () =>
				require.resolve('@expo-google-fonts/noto-sans-bengali/700Bold/NotoSansBengali_700Bold.ttf')
		}
	},
	{
		// Punjabi.
		name: 'gurmukhi',
		files: {
			regular: () =>
				require.resolve('@expo-google-fonts/noto-sans-gurmukhi/400Regular/NotoSansGurmukhi_400Regular.ttf'),
			bold: () =>
				require.resolve('@expo-google-fonts/noto-sans-gurmukhi/700Bold/NotoSansGurmukhi_700Bold.ttf')
		}
	},
	{
		// Monochrome: a PDF font draws in the text colour, so colour emoji would not show.
		name: 'emoji',
		files: {
			regular: () =>
				require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'),
			bold: () => require.resolve('@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf')
		}
	}
];

/** The face emoji prefer, ahead of the order above (see fontRuns.ts). */
export const EMOJI_FACE = FACES.findIndex((face) => face.name === 'emoji');

function fileOf(face: number, weight: Weight): string {
	const file = FACES[face]?.files[weight];
	if (file === undefined) throw new Error(`No font ${face} (${weight})`);
	return file();
}

/**
 * Parsed once per process (per worker thread) and shared by every PDF it makes: parsing
 * Noto Sans for each PDF made a long export five times slower. PDFKit takes a parsed
 * fontkit font as well as a file (see unicodeText.ts).
 */
const parsed = new Map<string, fontkit.Font>();

export function loadFont(face: number, weight: Weight): fontkit.Font {
	const file = fileOf(face, weight);
	let font = parsed.get(file);
	if (font === undefined) {
		const opened = fontkit.openSync(file);
		if (!('hasGlyphForCodePoint' in opened)) throw new Error(`${file} is a font collection`);
		font = opened;
		skipMissingAnchors(font);
		parsed.set(file, font);
	}
	return font;
}

const coverage = new Map<number, boolean>();

/** Whether a face has a glyph for the character; every weight covers the same ones. */
export function faceCovers(face: number, codePoint: number): boolean {
	const key = codePoint * FACES.length + face;
	let covered = coverage.get(key);
	if (covered === undefined) {
		covered = loadFont(face, 'regular').hasGlyphForCodePoint(codePoint);
		coverage.set(key, covered);
	}
	return covered;
}

/**
 * Text that Noto Sans alone draws, left to right: Latin with its accents, Greek (less
 * the Coptic letters in its block), Cyrillic, and common punctuation, less the invisible
 * direction marks and joiners at U+200B–U+200F, U+2028–U+202F and U+2060–U+206F. Most
 * text in a Coplan PDF is only this, and skips looking up fonts and directions.
 * fontFiles.test.ts checks that Noto Sans has all of it.
 */
export const MAIN_FACE_ONLY =
	/^[\n\u0020-\u007E\u00A0-\u024F\u0370-\u03E1\u03F0-\u03FF\u0400-\u04FF\u2010-\u2027\u2030-\u205E\u20A0-\u20C0]*$/u;
