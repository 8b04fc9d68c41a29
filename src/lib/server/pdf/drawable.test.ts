import { describe, expect, it } from 'vitest';
import { drawnOutOfOrder, toDrawable } from './drawable.ts';

describe('toDrawable', () => {
	it('keeps every character some font draws', () => {
		for (const text of [
			'Café – “naïve” £5 €6 • ok',
			'Zażółć gęślą jaźń Łódź őű ﬁne x²',
			'آپ کیسے ہیں مرحبا بالعالم',
			'আমি ভালো আছি नमस्ते ਸਤ ਸ੍ਰੀ ਅਕਾਲ',
			'👍🏽 🎉 👩‍👩‍👧 🇬🇧',
			'two\nlines, a\u200Djoiner'
		]) {
			expect(toDrawable(text)).toEqual({ text, changed: false });
		}
	});

	it('replaces characters no font has, drops control characters and makes tabs spaces', () => {
		expect(toDrawable('שלום 中文')).toEqual({ text: '???? ??', changed: true });
		expect(toDrawable('a\tb\rc\u0007d')).toEqual({ text: 'a bcd', changed: true });
		// Compatibility forms no font has become the plain characters they stand for.
		expect(toDrawable('Ⅻ ⑴')).toEqual({ text: 'XII (1)', changed: true });
	});

	it('composes accents typed separately', () => {
		expect(toDrawable('e\u0301')).toEqual({ text: 'é', changed: false });
	});
});

describe('drawnOutOfOrder', () => {
	it('spots scripts whose glyphs are drawn in another order than typed', () => {
		expect(drawnOutOfOrder('Hello مرحبا')).toBe(true);
		expect(drawnOutOfOrder('আমি')).toBe(true);
		expect(drawnOutOfOrder('हिंदी')).toBe(true);
		expect(drawnOutOfOrder('Zażółć 👍 123')).toBe(false);
	});
});
