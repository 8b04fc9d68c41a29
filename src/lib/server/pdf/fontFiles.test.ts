import { describe, expect, it } from 'vitest';
import { FACES, MAIN_FACE_ONLY, faceCovers, loadFont } from './fontFiles.ts';

describe('the PDF fonts', () => {
	it('load from node_modules once per process, every weight covering the same characters', () => {
		FACES.forEach((face, index) => {
			const regular = loadFont(index, 'regular');
			const bold = loadFont(index, 'bold');
			expect(loadFont(index, 'regular')).toBe(regular);
			expect(bold).not.toBe(regular);
			expect(new Set(bold.characterSet), face.name).toEqual(new Set(regular.characterSet));
		});
	});

	it('cover the greetings of the community languages they are for', () => {
		const greetings: [string, string][] = [
			['latin', 'Zażółć gęślą jaźń Bună ziua Labas नमस्ते Здравствуйте'],
			['arabic', 'مرحبا بالعالم آپ کیسے ہیں سلام'],
			['bengali', 'আমি ভালো আছি'],
			['gurmukhi', 'ਸਤ ਸ੍ਰੀ ਅਕਾਲ'],
			['emoji', '👍🎉👩‍👩‍👧']
		];
		for (const [name, text] of greetings) {
			const face = FACES.findIndex((candidate) => candidate.name === name);
			const missing = Array.from(text.replace(/\s/g, '')).filter(
				(character) => !faceCovers(face, character.codePointAt(0) ?? 0)
			);
			expect(missing, name).toEqual([]);
		}
	});

	it('need no other font for text the quick path gives the main font', () => {
		const missing: string[] = [];
		for (let codePoint = 0; codePoint <= 0x20c0; codePoint++) {
			const character = String.fromCodePoint(codePoint);
			if (!MAIN_FACE_ONLY.test(character) || !/\p{Assigned}/u.test(character)) continue;
			if (/\p{Cc}/u.test(character)) continue;
			for (const weight of ['regular', 'bold'] as const) {
				if (!loadFont(0, weight).hasGlyphForCodePoint(codePoint)) {
					missing.push(`U+${codePoint.toString(16)} ${weight}`);
				}
			}
		}
		expect(missing).toEqual([]);
		expect(MAIN_FACE_ONLY.test('Zażółć “ok” – £5 €6')).toBe(true);
		expect(MAIN_FACE_ONLY.test('a\u200Fb')).toBe(false);
		expect(MAIN_FACE_ONLY.test('नमस्ते')).toBe(false);
	});
});
