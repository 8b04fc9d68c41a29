import { describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { FACES, loadFont } from './fontFiles.ts';
import { correctGlyphMeanings, forgetGlyphMeanings, type EmbeddedGlyphs } from './glyphMeanings.ts';

const faceOf = (name: string) => FACES.findIndex((candidate) => candidate.name === name);

/** Parsed afresh, as PDFKit parses a font for each PDF. */
function freshFont(name: string): Font {
	const file = FACES[faceOf(name)]?.files.regular();
	if (file === undefined) throw new Error(`no font for ${name}`);
	const font = fontkit.openSync(file);
	if (!('layout' in font)) throw new Error('a single font');
	return font;
}

/** A subset as PDFKit records it: each glyph of the laid-out text with its characters. */
function recorded(faceName: string, text: string): EmbeddedGlyphs & { unicode: number[][] } {
	const { glyphs } = freshFont(faceName).layout(text);
	return {
		unicode: [[0], ...glyphs.map((glyph) => [...glyph.codePoints])],
		subset: { glyphs: [0, ...glyphs.map((glyph) => glyph.id)] }
	};
}

const characters = (unicode: number[][]) =>
	unicode.slice(1).map((points) => String.fromCodePoint(...points));

describe('correctGlyphMeanings', () => {
	it('gives the parts of a split آ their own characters', () => {
		const subset = recorded('arabic', 'آ');
		// fontkit gives right-to-left glyphs in drawn order: the mark, then the alef.
		expect(characters(subset.unicode)).toEqual(['', 'آ']);
		correctGlyphMeanings(subset, loadFont(faceOf('arabic'), 'regular'));
		expect(characters(subset.unicode)).toEqual(['\u0653', 'ا']);
	});

	it('makes a dot drawn apart from its letter an invisible word joiner', () => {
		const subset = recorded('arabic', 'ب');
		expect(characters(subset.unicode)).toEqual(['', 'ب']);
		correctGlyphMeanings(subset, loadFont(faceOf('arabic'), 'regular'));
		expect(characters(subset.unicode)).toEqual(['\u2060', 'ب']);
	});

	it('leaves accented letters drawn as one glyph alone', () => {
		const subset = recorded('latin', 'Zażółć');
		correctGlyphMeanings(subset, loadFont(faceOf('latin'), 'regular'));
		expect(characters(subset.unicode)).toEqual(Array.from('Zażółć'));
	});
});

describe('forgetGlyphMeanings', () => {
	it('makes glyphs take their characters from the text laid out next', () => {
		const font = freshFont('arabic');
		// ب alone is drawn as the dotless ٮ glyph and a dot; ٮ typed first claims the glyph.
		font.layout('ٮ');
		const dotless = (text: string) =>
			font.layout(text).glyphs.find((glyph) => glyph.codePoints.length > 0)?.codePoints;
		expect(dotless('ب')).toEqual([0x66e]);
		forgetGlyphMeanings(font);
		expect(dotless('ب')).toEqual([0x628]);
	});
});
