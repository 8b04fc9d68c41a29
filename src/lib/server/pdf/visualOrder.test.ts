import { describe, expect, it } from 'vitest';
import { NOTHING, type FontRun } from './fontRuns.ts';
import { paragraphDirection, visualPieces, type Direction } from './visualOrder.ts';

/** Pieces' texts from left to right, the whole line in one face. */
function pieces(line: string, direction: Direction): string[] {
	return visualPieces(line, [{ face: 0, start: 0, end: line.length }], direction).map(
		(piece) => piece.text
	);
}

describe('paragraphDirection', () => {
	it('follows the first letter with a direction', () => {
		expect(paragraphDirection('Hello مرحبا')).toBe('ltr');
		expect(paragraphDirection('12 (مرحبا) hello')).toBe('rtl');
		expect(paragraphDirection('123 !')).toBe('ltr');
	});
});

describe('visualPieces', () => {
	it('leaves a left-to-right line as it is', () => {
		expect(pieces('Zażółć gęślą jaźń', 'ltr')).toEqual(['Zażółć gęślą jaźń']);
		expect(pieces('', 'ltr')).toEqual([]);
	});

	it('puts the words of an Arabic phrase right to left, each word still in typed order', () => {
		expect(pieces('Hi مرحبا بالعالم!', 'ltr')).toEqual(['Hi ', 'بالعالم', ' ', 'مرحبا', '!']);
	});

	it('lays a right-to-left paragraph from the right, numbers left to right, brackets mirrored', () => {
		expect(pieces('آپ کیسے ہیں؟ (شکریہ) 123', 'rtl')).toEqual([
			'123',
			' ',
			// fontkit reverses the word, so the mirrored brackets end up the right way round.
			')شکریہ(',
			' ',
			'ہیں؟',
			' ',
			'کیسے',
			' ',
			'آپ'
		]);
	});

	it('reverses emoji and punctuation in right-to-left text one character at a time', () => {
		expect(pieces('مرحبا 🎉👩‍👩‍👧', 'rtl')).toEqual(['👩‍👩‍👧', '🎉', ' ', 'مرحبا']);
	});

	it('starts a new piece where the font changes, and drops what draws nothing', () => {
		const runs: FontRun[] = [
			{ face: 0, start: 0, end: 3 },
			{ face: NOTHING, start: 3, end: 4 },
			{ face: 2, start: 4, end: 10 }
		];
		expect(visualPieces('ab \u2066مرحبا', runs, 'ltr')).toEqual([
			{ text: 'ab ', face: 0 },
			{ text: 'مرحبا', face: 2 }
		]);
	});
});
