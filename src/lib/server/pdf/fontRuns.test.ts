import { describe, expect, it } from 'vitest';
import { EMOJI_FACE, FACES, faceCovers } from './fontFiles.ts';
import { NOTHING, fontRuns, type FaceSet } from './fontRuns.ts';

/** The real fonts, by name, so a test reads as which font draws what. */
const REAL: FaceSet = { count: FACES.length, emoji: EMOJI_FACE, covers: faceCovers };

function named(text: string): [string, string][] {
	return fontRuns(text, REAL).map((run) => [
		run.face === NOTHING ? 'nothing' : (FACES[run.face]?.name ?? String(run.face)),
		text.slice(run.start, run.end)
	]);
}

describe('fontRuns', () => {
	it('keeps text the main font has in one run', () => {
		expect(named('Zażółć gęślą jaźń – “ok” £5 नमस्ते')).toEqual([
			['latin', 'Zażółć gęślą jaźń – “ok” £5 नमस्ते']
		]);
		expect(fontRuns('', REAL)).toEqual([]);
	});

	it('gives each script its font, with the spaces and punctuation around its words', () => {
		expect(named('Hi مرحبا بالعالم 12, আমি ভালো আছি ਸਤ ਸ੍ਰੀ ਅਕਾਲ!')).toEqual([
			['latin', 'Hi '],
			['arabic', 'مرحبا بالعالم 12, '],
			['bengali', 'আমি ভালো আছি '],
			['gurmukhi', 'ਸਤ ਸ੍ਰੀ ਅਕਾਲ!']
		]);
		// Punctuation before a script's first word goes with that word.
		expect(named('(آپ کیسے ہیں؟)')).toEqual([['arabic', '(آپ کیسے ہیں؟)']]);
	});

	it('keeps an emoji sequence whole in the emoji font, and the text after it in its own', () => {
		expect(named('ok 👩‍👩‍👧 🎉 2027 👍🏽 ❤️ 🇬🇧')).toEqual([
			['latin', 'ok '],
			['emoji', '👩‍👩‍👧'],
			['latin', ' '],
			['emoji', '🎉'],
			['latin', ' 2027 '],
			['emoji', '👍🏽'],
			['latin', ' '],
			['emoji', '❤️'],
			['latin', ' '],
			['emoji', '🇬🇧']
		]);
		// ❤ and © without the emoji selector are text, in the text font when it has them.
		expect(named('© ❤ ©️')[0]).toEqual(['latin', '© ']);
	});

	it('counts offsets in UTF-16 code units, as String#slice does', () => {
		expect(fontRuns('a😀b', REAL).map((run) => [run.start, run.end])).toEqual([
			[0, 1],
			[1, 3],
			[3, 4]
		]);
	});

	it('draws nothing for invisible characters no font has, and the main font for the rest', () => {
		// Face 0 has only ASCII, face 1 only "é"; neither has U+2066 or "ж".
		const faces: FaceSet = {
			count: 2,
			emoji: 1,
			covers: (face, codePoint) => (face === 0 ? codePoint < 0x80 : codePoint === 0xe9)
		};
		const text = 'a\u2066ж é';
		const runs = fontRuns(text, faces).map((run) => [run.face, text.slice(run.start, run.end)]);
		expect(runs).toEqual([
			[0, 'a'],
			[NOTHING, '\u2066'],
			[0, 'ж '],
			[1, 'é']
		]);
	});
});
