import { describe, expect, it } from 'vitest';
import { SectionFolds } from './SectionFolds.svelte.ts';

describe('SectionFolds', () => {
	it('starts with every section open and folds one at a time', () => {
		const folds = new SectionFolds();
		expect(folds.isOpen('actions')).toBe(true);
		folds.toggle('actions');
		expect(folds.isOpen('actions')).toBe(false);
		expect(folds.isOpen('outcomes')).toBe(true);
		folds.open('actions');
		expect(folds.isOpen('actions')).toBe(true);
	});

	it('folds all but the section being discussed, and opens them all again', () => {
		const folds = new SectionFolds();
		folds.foldAllBut(['agenda', 'outcomes', 'actions'], 'outcomes');
		expect(['agenda', 'outcomes', 'actions'].map((section) => folds.isOpen(section))).toEqual([
			false,
			true,
			false
		]);
		folds.openAll();
		expect(folds.isOpen('agenda')).toBe(true);
		expect(folds.isOpen('actions')).toBe(true);
	});
});
