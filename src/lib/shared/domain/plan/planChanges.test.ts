import { describe, expect, it } from 'vitest';
import type { PlanContent } from './planContent.ts';
import {
	countPlanChanges,
	describePlanChanges,
	planAfterReview,
	type ReviewedPlanParts
} from './planChanges.ts';

const asking = { id: 'o-ask', areaOfNeed: 'communication', text: 'Ask for help', steps: '' };
const reading = { id: 'o-read', areaOfNeed: 'cognition', text: 'Read 20 words', steps: '' };
const salt = {
	id: 'p-salt',
	text: 'Speech and language therapy',
	providedBy: 'NHS SaLT',
	frequency: 'Weekly',
	authorName: 'Priya Shah',
	date: '2025-03-01',
	reviewBy: null
};

const current: PlanContent = {
	sections: { A: 'Aaron loves trains.', B: 'Speech and language needs.' },
	outcomes: [asking, reading],
	provision: [salt]
};

function review(overrides: Partial<ReviewedPlanParts>): ReviewedPlanParts {
	return {
		outcomes: current.outcomes,
		provision: current.provision,
		working: '',
		notWorking: '',
		worries: '',
		amendments: [],
		...overrides
	};
}

describe('a review’s effect on the plan', () => {
	it('keeps outcomes by id, ends those left out and adds new ones', () => {
		const signs = { id: 'o-signs', areaOfNeed: null, text: ' Use 10 Makaton signs ', steps: '' };
		const next = planAfterReview('ehcp', current, review({ outcomes: [asking, signs] }));
		expect(next.outcomes.map((outcome) => [outcome.id, outcome.text])).toEqual([
			['o-ask', 'Ask for help'],
			['o-signs', 'Use 10 Makaton signs']
		]);
		expect(countPlanChanges(current, next)).toMatchObject({
			outcomesAdded: 1,
			outcomesEnded: 1,
			outcomesReworded: 0
		});
		expect(describePlanChanges(countPlanChanges(current, next))).toBe('Outcomes: 1 added, 1 ended');
	});

	it('leaves out outcomes and provision with no words', () => {
		const next = planAfterReview(
			'sen_support',
			current,
			review({
				outcomes: [asking, { ...reading, text: '  ' }],
				provision: [{ ...salt, text: '' }]
			})
		);
		expect(next.outcomes.map((outcome) => outcome.id)).toEqual(['o-ask']);
		expect(next.provision).toEqual([]);
	});

	it('adds an EHCP review’s amendments to the sections they name, not E or F', () => {
		const next = planAfterReview(
			'ehcp',
			current,
			review({
				amendments: [
					{ section: 'B', text: 'Also sensory processing needs.' },
					{ section: 'C', text: 'Hearing checked: no loss.' },
					{ section: 'F', text: 'More SaLT' },
					{ section: null, text: 'Unplaced' }
				]
			})
		);
		expect(next.sections).toEqual({
			A: 'Aaron loves trains.',
			B: 'Speech and language needs.\n\nAlso sensory processing needs.',
			C: 'Hearing checked: no loss.'
		});
		expect(describePlanChanges(countPlanChanges(current, next))).toBe('2 sections changed');
	});

	it('takes a Team Around the Family review’s three columns into the plan', () => {
		const next = planAfterReview(
			'early_help',
			{ sections: { working: 'Nursery place' }, outcomes: [], provision: [] },
			review({ outcomes: [], provision: [], working: '', notWorking: 'Bedtimes', worries: 'Sleep' })
		);
		expect(next.sections).toEqual({
			working: 'Nursery place',
			worries: 'Sleep',
			needsToHappen: 'Bedtimes'
		});
	});

	it('says when nothing changed', () => {
		const next = planAfterReview('ehcp', current, review({}));
		expect(describePlanChanges(countPlanChanges(current, next))).toBe('No changes to the plan');
	});
});
