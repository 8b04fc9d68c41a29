import type { Font } from 'fontkit';

/**
 * A PDF says what characters each glyph stands for (its ToUnicode map), for copying,
 * searching and reading the text back. PDFKit records, for each glyph, the characters of
 * the first word that used it. That goes wrong where fontkit splits one character into
 * several glyphs (a one-to-many substitution): Noto's Arabic fonts draw آ as an alef and
 * a madda mark, and ب as a dotless letter and a dot. The alef then stands for آ, and every
 * plain ا after it reads back as آ; the madda and the dot stand for nothing, which PDF.js
 * reads as control characters inside the word.
 *
 * So before the file is written, a glyph recorded as one character that Unicode splits
 * (آ is ا + ٓ) and is not the font's own glyph for it stands for the first part of the
 * split; a glyph recorded as nothing stands for the font's own character for it (ٓ), but
 * not a presentation form (ﺎ), or else a word joiner, invisible and ignored by PDF.js.
 *
 * What this cannot mend: Noto's Arabic fonts share one dotless shape between letters
 * told apart only by their dots (the middle of ب, ت, ی, ٹ), so that shape reads back as
 * whichever of those letters came first. The elements' ActualText is exact.
 */

const WORD_JOINER = 0x2060;

/** The parts of PDFKit's embedded font used here. */
export interface EmbeddedGlyphs {
	/** The characters each glyph of the subset stands for, by subset glyph. */
	unicode?: number[][];
	/** fontkit's subset: the font's glyph id of each subset glyph. */
	subset?: { glyphs?: number[] };
}

const ownCharacters = new WeakMap<Font, Map<number, number>>();

/** The character the font's own character map gives for a glyph, the lowest if several. */
function ownCharacter(font: Font, glyph: number): number | undefined {
	let characters = ownCharacters.get(font);
	if (characters === undefined) {
		characters = new Map();
		for (const codePoint of font.characterSet) {
			const id = font.glyphForCodePoint(codePoint).id;
			const known = characters.get(id);
			if (known === undefined || codePoint < known) characters.set(id, codePoint);
		}
		ownCharacters.set(font, characters);
	}
	return characters.get(glyph);
}

/** The first part of a character Unicode splits into several, or null. */
function firstPart(characters: number[]): number | null {
	if (characters.length !== 1) return null;
	const parts = Array.from(String.fromCodePoint(characters[0] ?? 0).normalize('NFD'));
	return parts.length > 1 ? (parts[0]?.codePointAt(0) ?? null) : null;
}

/** Mends `embedded`'s glyph meanings; `font` is the same font file, parsed apart. */
export function correctGlyphMeanings(embedded: EmbeddedGlyphs, font: Font): void {
	const { unicode } = embedded;
	if (unicode === undefined) return;
	unicode.forEach((characters, index) => {
		const first = firstPart(characters);
		// Glyph 0 is "no glyph"; most glyphs were recorded right.
		if (index === 0 || (first === null && characters.length > 0)) return;
		const glyph = embedded.subset?.glyphs?.[index];
		const own = glyph === undefined ? undefined : ownCharacter(font, glyph);
		// ż drawn as the font's own ż glyph is right; the alef of a split آ is not.
		if (own !== undefined && own === characters[0]) return;
		const plainOwn =
			own !== undefined && String.fromCodePoint(own).normalize('NFKC') === String.fromCodePoint(own)
				? own
				: null;
		unicode[index] = [first ?? plainOwn ?? WORD_JOINER];
	});
}

/**
 * fontkit remembers for each glyph the characters it was first laid out for, and PDFKit
 * records those; fonts are shared by every PDF a process makes (fontFiles.ts). Forgetting
 * them when a PDF starts using a font makes its glyphs' meanings come from its own text,
 * so the same minutes always export the same way.
 */
export function forgetGlyphMeanings(font: Font): void {
	// fontkit's cache of glyph objects, by glyph id (TTFFont#_glyphs).
	Object.assign(font, { _glyphs: {} });
}
