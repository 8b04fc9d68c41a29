/**
 * PDFKit draws a piece of text in one font and has no fallback, and no single font has
 * every script. This splits text into runs that one font can draw: each letter goes to
 * the first font that has it; spaces, digits, punctuation and combining marks (Unicode's
 * Common and Inherited scripts) stay with the letters around them, so a word keeps its
 * marks and its shaping; emoji go to the emoji font first, with the joiners and variation
 * selectors of their sequence.
 */

export interface FaceSet {
	/** Faces in the order characters try them; face 0 is the main one. */
	count: number;
	/** The face that emoji try first. */
	emoji: number;
	covers(face: number, codePoint: number): boolean;
}

export interface FontRun {
	/** A face, or NOTHING for invisible characters no face has (drawn as nothing). */
	face: number;
	/** UTF-16 offsets into the text, end exclusive, as bidi-js and String#slice count. */
	start: number;
	end: number;
}

export const NOTHING = -1;

const WEAK = /[\p{Script=Common}\p{Script=Inherited}]/u;
const EMOJI = /[\p{Emoji_Presentation}\p{Regional_Indicator}]/u;
/** Emoji with text presentation by default (©, ❤, digits of keycaps) before U+FE0F. */
const EMOJI_WITH_SELECTOR = /\p{Emoji}/u;
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
/** Zero-width joiner, variation selectors, the keycap mark and tag characters (flags). */
function isEmojiPart(codePoint: number): boolean {
	return (
		codePoint === 0x200d ||
		codePoint === 0xfe0e ||
		codePoint === 0xfe0f ||
		codePoint === 0x20e3 ||
		(codePoint >= 0xe0020 && codePoint <= 0xe007f)
	);
}
const EMOJI_SELECTOR = 0xfe0f;

type Kind = 'letter' | 'emoji' | 'weak';

interface Char {
	codePoint: number;
	start: number;
	kind: Kind;
}

function classify(text: string): Char[] {
	const chars: Char[] = [];
	let offset = 0;
	for (const character of text) {
		const codePoint = character.codePointAt(0) ?? 0;
		chars.push({ codePoint, start: offset, kind: 'weak' });
		offset += character.length;
	}
	chars.forEach((char, index) => {
		const character = String.fromCodePoint(char.codePoint);
		const next = chars[index + 1]?.codePoint;
		if (EMOJI.test(character) || (EMOJI_WITH_SELECTOR.test(character) && next === EMOJI_SELECTOR)) {
			char.kind = 'emoji';
		} else if (!WEAK.test(character)) {
			char.kind = 'letter';
		}
	});
	return chars;
}

function firstCovering(faces: FaceSet, codePoint: number, emojiFirst: boolean): number | null {
	if (emojiFirst && faces.covers(faces.emoji, codePoint)) return faces.emoji;
	for (let face = 0; face < faces.count; face++) {
		if (faces.covers(face, codePoint)) return face;
	}
	return null;
}

/** The face of the nearest letter after each character (not emoji), or null. */
function nextLetterFaces(chars: Char[], faceOf: (number | null)[]): (number | null)[] {
	const next: (number | null)[] = new Array<number | null>(chars.length).fill(null);
	let face: number | null = null;
	for (let index = chars.length - 1; index >= 0; index--) {
		next[index] = face;
		if (chars[index]?.kind === 'letter') face = faceOf[index] ?? null;
	}
	return next;
}

export function fontRuns(text: string, faces: FaceSet): FontRun[] {
	const chars = classify(text);
	const faceOf: (number | null)[] = chars.map((char) =>
		char.kind === 'weak' ? null : (firstCovering(faces, char.codePoint, char.kind === 'emoji') ?? 0)
	);
	const nextLetter = nextLetterFaces(chars, faceOf);
	let previousLetter: number | null = null;
	chars.forEach((char, index) => {
		if (char.kind === 'letter') previousLetter = faceOf[index] ?? null;
		if (char.kind !== 'weak') return;
		const character = String.fromCodePoint(char.codePoint);
		const before = index > 0 ? faceOf[index - 1] : null;
		const candidates =
			before === faces.emoji && isEmojiPart(char.codePoint)
				? [faces.emoji]
				: [previousLetter, nextLetter[index] ?? null];
		const chosen =
			candidates.find((face) => face !== null && faces.covers(face, char.codePoint)) ??
			firstCovering(faces, char.codePoint, false);
		faceOf[index] = chosen ?? (INVISIBLE.test(character) ? NOTHING : 0);
	});
	const runs: FontRun[] = [];
	chars.forEach((char, index) => {
		const face = faceOf[index] ?? 0;
		const end = chars[index + 1]?.start ?? text.length;
		const last = runs[runs.length - 1];
		if (last && last.face === face) last.end = end;
		else runs.push({ face, start: char.start, end });
	});
	return runs;
}
