import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FACES, loadFont } from './fontFiles.ts';
import { skipMissingAnchors } from './fontkitPatch.ts';

describe('skipMissingAnchors', () => {
	it('lets fontkit lay out Gurmukhi marks that have no anchor on their base', () => {
		// fontkit 2.0.4 throws "reading 'xCoordinate'" here without the patch (which other
		// test files in the same worker may have applied already).
		const file = FACES.find((face) => face.name === 'gurmukhi')?.files.regular();
		if (file === undefined) throw new Error('no Gurmukhi font');
		const opened = fontkit.openSync(file);
		if (!('layout' in opened)) throw new Error('a single font');
		expect(skipMissingAnchors(opened)).toBe(true);
		expect(skipMissingAnchors(opened)).toBe(true);
		const run = opened.layout('ਸ੍ਰੀ');
		expect(run.glyphs.length).toBeGreaterThan(1);
		expect(run.advanceWidth).toBeGreaterThan(0);
	});

	it('is in place for the fonts the PDFs use', () => {
		const gurmukhi = loadFont(
			FACES.findIndex((face) => face.name === 'gurmukhi'),
			'bold'
		);
		expect(gurmukhi.postscriptName).toBe('NotoSansGurmukhi-Bold');
		expect(() => gurmukhi.layout('ਸਤ ਸ੍ਰੀ ਅਕਾਲ')).not.toThrow();
	});
});
