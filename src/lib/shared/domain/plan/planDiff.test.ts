import { describe, expect, it } from 'vitest';
import { diffPlans, diffWords } from './planDiff.ts';
import type { PlanContent } from './planContent.ts';

describe('comparing two versions of a plan', () => {
	it('marks the words removed and added, and both texts can be read back from it', () => {
		const before = 'Weekly speech therapy in class';
		const after = 'Twice weekly speech therapy';
		const pieces = diffWords(before, after);
		const text = (op: string) =>
			pieces
				.filter((piece) => piece.op !== op)
				.map((piece) => piece.text)
				.join('');
		expect(text('added')).toBe(before);
		expect(text('removed')).toBe(after);
		const words = (op: string) =>
			pieces.filter((piece) => piece.op === op).map((piece) => piece.text.trim());
		expect(words('removed')).toEqual(['Weekly', 'in class']);
		expect(words('added')).toEqual(['Twice', 'weekly']);
		expect(words('same').join(' ')).toContain('speech therapy');
	});

	it('matches outcomes by id and says which were added, ended or reworded', () => {
		const before: PlanContent = {
			sections: { A: 'Loves trains.' },
			outcomes: [
				{ id: 'a', areaOfNeed: null, text: 'Ask for help', steps: '' },
				{ id: 'b', areaOfNeed: null, text: 'Read 20 words', steps: '' }
			],
			provision: []
		};
		const after: PlanContent = {
			sections: { A: 'Loves trains.', B: 'Speech needs.' },
			outcomes: [
				{ id: 'a', areaOfNeed: null, text: 'Ask for help with signs', steps: '' },
				{ id: 'c', areaOfNeed: null, text: 'Use 10 signs', steps: '' }
			],
			provision: []
		};
		const rows = diffPlans('ehcp', before, after);
		expect(rows.map((row) => [row.part, row.key, row.change])).toEqual([
			['section', 'A', 'same'],
			['section', 'B', 'added'],
			['outcome', 'a', 'changed'],
			['outcome', 'c', 'added'],
			['outcome', 'b', 'removed']
		]);
		expect(rows[2]?.words).toEqual([
			{ text: 'Ask for help', op: 'same' },
			{ text: ' with signs', op: 'added' }
		]);
		expect(diffPlans('ehcp', before, before).every((row) => row.change === 'same')).toBe(true);
	});
});
