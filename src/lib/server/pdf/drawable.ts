import { FACES, MAIN_FACE_ONLY, faceCovers } from './fontFiles.ts';

/**
 * Text as the PDF can draw it. A character none of the fonts has (a script Coplan ships
 * no font for, such as Chinese or Hebrew) would print as an empty box, so it loses its
 * accent if that is what the font lacks (ǹ → n), and otherwise becomes "?"; tabs become
 * spaces and control characters go. The caller keeps the original as the PDF's
 * ActualText, so screen readers and copy-and-paste still get exactly what was typed.
 */

export interface DrawableText {
	text: string;
	/** True when some character could not be drawn and was changed. */
	changed: boolean;
}

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
/** Control characters other than the line break. */
const CONTROL = /(?!\n)\p{Cc}/u;

function isDrawable(character: string): boolean {
	const codePoint = character.codePointAt(0) ?? 0;
	if (INVISIBLE.test(character)) return true;
	for (let face = 0; face < FACES.length; face++) {
		if (faceCovers(face, codePoint)) return true;
	}
	return false;
}

function replacement(character: string): string {
	if (character === '\t') return ' ';
	if (character === '\n') return character;
	if (CONTROL.test(character)) return '';
	if (isDrawable(character)) return character;
	// Compatibility decomposition without combining marks: ǹ → n, ﬁ → fi.
	const plain = character.normalize('NFKD').replace(/\p{M}/gu, '');
	return plain !== '' && Array.from(plain).every(isDrawable) ? plain : '?';
}

export function toDrawable(input: string): DrawableText {
	const normal = input.normalize('NFC');
	if (MAIN_FACE_ONLY.test(normal) && !CONTROL.test(normal)) {
		return { text: normal, changed: false };
	}
	let text = '';
	let changed = false;
	for (const character of normal) {
		const drawn = replacement(character);
		if (drawn !== character) changed = true;
		text += drawn;
	}
	return { text, changed };
}

/**
 * Scripts drawn in an order other than the typed one: right to left, or with vowel signs
 * drawn before the consonant they follow (Bengali ি, Hindi ि). PDF readers rebuild the
 * words from the glyphs by guesswork, so elements with these also get the typed text as
 * ActualText.
 */
const REORDERED =
	/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Bengali}\p{Script=Devanagari}\p{Script=Gurmukhi}]/u;

export function drawnOutOfOrder(text: string): boolean {
	return REORDERED.test(text);
}
