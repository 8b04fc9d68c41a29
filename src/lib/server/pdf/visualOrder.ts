import bidiFactory from 'bidi-js';
import { NOTHING, type FontRun } from './fontRuns.ts';

/**
 * PDFKit writes a line's characters left to right in the order they were typed, which
 * is backwards for Arabic and Urdu and jumbles a line that mixes them with English. Lines
 * are put in visual order here with the Unicode bidirectional algorithm (bidi-js), line
 * by line after PDFKit has broken the paragraph, as the algorithm requires.
 *
 * Reordering characters would break Arabic shaping, because fontkit joins letters from
 * the text it is given: a reversed word has its letters in the wrong joining forms. So
 * the line becomes pieces in visual order, each piece in typed order, and fontkit shapes
 * each piece, reversing its glyphs itself for a right-to-left script. That makes every
 * right-to-left piece one word: PDFKit lays out word after word left to right, so a piece
 * of two Arabic words would come out with its words swapped. Right-to-left pieces with no
 * right-to-left letters (emoji, punctuation) are split into single characters, since
 * fontkit would draw them left to right.
 */

const bidi = bidiFactory();
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const SPACE = /\s/u;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}]/gu;

export type Direction = 'ltr' | 'rtl';

function hasRightToLeftLetter(text: string): boolean {
	for (const character of text) {
		const type = bidi.getBidiCharTypeName(character);
		if (type === 'R' || type === 'AL') return true;
	}
	return false;
}

export interface Piece {
	text: string;
	face: number;
}

/** The direction of a paragraph: that of its first letter with a direction (UAX #9 P2). */
export function paragraphDirection(text: string): Direction {
	for (const character of text) {
		const type = bidi.getBidiCharTypeName(character);
		if (type === 'L') return 'ltr';
		if (type === 'R' || type === 'AL') return 'rtl';
	}
	return 'ltr';
}

interface Span {
	from: number;
	to: number;
	level: number;
	face: number;
}

function faceAt(runs: FontRun[], length: number): Int32Array {
	const faces = new Int32Array(length);
	for (const run of runs) faces.fill(run.face, run.start, run.end);
	return faces;
}

/** Consecutive characters, in visual order, that can be drawn as one piece. */
function spans(line: string, levels: Uint8Array, order: number[], faces: Int32Array): Span[] {
	const found: Span[] = [];
	let current: Span | null = null;
	let last = -1;
	for (const index of order) {
		const level = levels[index] ?? 0;
		const face = faces[index] ?? 0;
		const rightToLeft = level % 2 === 1;
		const joins =
			current !== null &&
			current.level === level &&
			current.face === face &&
			index === last + (rightToLeft ? -1 : 1) &&
			(!rightToLeft || SPACE.test(line[index] ?? '') === SPACE.test(line[last] ?? ''));
		if (current !== null && joins) {
			current.from = Math.min(current.from, index);
			current.to = Math.max(current.to, index);
		} else {
			current = { from: index, to: index, level, face };
			found.push(current);
		}
		last = index;
	}
	return found;
}

/**
 * bidi-js classifies UTF-16 code units, so it takes the halves of an emoji for letters
 * written left to right; Unicode makes emoji neutral, like the object replacement
 * character put in their place (one per code unit, so offsets stay the same).
 */
function withNeutralEmoji(line: string): string {
	return line.replace(EMOJI, (emoji) => '\uFFFC'.repeat(emoji.length));
}

export function visualPieces(line: string, runs: FontRun[], direction: Direction): Piece[] {
	if (line === '') return [];
	const neutral = withNeutralEmoji(line);
	const embedding = bidi.getEmbeddingLevels(neutral, direction);
	const order = bidi.getReorderedIndices(neutral, embedding);
	const mirrored = bidi.getMirroredCharactersMap(neutral, embedding.levels);
	const pieces: Piece[] = [];
	for (const span of spans(line, embedding.levels, order, faceAt(runs, line.length))) {
		if (span.face === NOTHING) continue;
		let text = '';
		for (let index = span.from; index <= span.to; index++) {
			text += mirrored.get(index) ?? line[index] ?? '';
		}
		if (span.level % 2 === 1 && !hasRightToLeftLetter(text)) {
			const characters = Array.from(graphemes.segment(text), (part) => part.segment).reverse();
			for (const character of characters) pieces.push({ text: character, face: span.face });
		} else {
			pieces.push({ text, face: span.face });
		}
	}
	return pieces;
}
