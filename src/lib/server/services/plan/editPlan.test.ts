import { describe, expect, it } from 'vitest';
import { collabTest } from '../../collab/testing/collabTest.ts';
import { loadActor } from '../../policy.ts';
import type { PlanContent } from '../../../shared/domain/plan/planContent.ts';
import { editPlan, OUTCOME_MAX_LENGTH, parsePlanEdit } from './editPlan.ts';
import { insertPlanVersion, loadCurrentPlan, loadPlanVersions } from './planVersions.ts';

const current: PlanContent = {
	sections: { A: 'Loves trains.', B: 'Speech and language needs.' },
	outcomes: [
		{ id: 'o-ask', areaOfNeed: 'communication_interaction', text: 'Ask for help', steps: '' },
		{ id: 'o-read', areaOfNeed: null, text: 'Read 20 words', steps: 'Phonics daily' }
	],
	provision: []
};

/** The edit form as the page posts it, with the current plan's words unless changed. */
function form(changes: Record<string, string> = {}): FormData {
	const data = new FormData();
	const fields: Record<string, string> = {
		'section-A': current.sections.A ?? '',
		'section-B': current.sections.B ?? '',
		'outcome-o-ask-text': 'Ask for help',
		'outcome-o-ask-steps': '',
		'outcome-o-read-text': 'Read 20 words',
		'outcome-o-read-steps': 'Phonics daily',
		...changes
	};
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
}

describe('reading the plan’s edit form', () => {
	it('rewords, ends and adds outcomes, keeping ids and areas of need', () => {
		const parsed = parsePlanEdit(
			'ehcp',
			current,
			form({
				'outcome-o-ask-text': 'Ask for help with signs',
				'outcome-o-read-ended': 'yes',
				'new-outcome-text': 'Use ten signs',
				'section-C': 'Hearing checked.',
				reason: 'From the final plan'
			})
		);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		expect(parsed.content.outcomes.map((outcome) => [outcome.text, outcome.areaOfNeed])).toEqual([
			['Ask for help with signs', 'communication_interaction'],
			['Use ten signs', null]
		]);
		expect(parsed.content.outcomes[0]?.id).toBe('o-ask');
		expect(parsed.content.sections.C).toBe('Hearing checked.');
		expect(parsed.reason).toBe('From the final plan');
	});

	it('asks for an outcome’s words, or for it to be marked ended, and limits lengths', () => {
		const parsed = parsePlanEdit(
			'ehcp',
			current,
			form({
				'outcome-o-ask-text': '  ',
				'new-outcome-text': 'x'.repeat(OUTCOME_MAX_LENGTH + 1)
			})
		);
		expect(parsed).toEqual({
			ok: false,
			errors: {
				'outcome-o-ask-text': 'Enter outcome 1, or mark it as ended.',
				'new-outcome-text': 'The new outcome can be at most 2,000 characters.'
			}
		});
	});

	it('ignores fields for outcomes the plan does not have', () => {
		const parsed = parsePlanEdit('ehcp', current, form({ 'outcome-forged-text': 'Injected' }));
		expect(parsed.ok && parsed.content.outcomes.map((outcome) => outcome.id)).toEqual([
			'o-ask',
			'o-read'
		]);
	});
});

describe('editing the plan', () => {
	collabTest(
		'saves a new version naming who made it, and refuses no change',
		async ({ database, team }) => {
			const db = database.db;
			await insertPlanVersion(db, {
				childId: team.childId,
				state: 'adopted',
				source: 'la_decision',
				madeBy: null,
				summary: 'Issued',
				content: current
			});
			const senco = await loadActor(db, team.member('senco').id);
			const child = { id: team.childId, planType: 'ehcp' as const };
			expect(await editPlan(db, senco, child, form())).toEqual({
				ok: false,
				errors: { plan: 'Nothing has changed: the plan is as it was.' }
			});
			const saved = await editPlan(
				db,
				senco,
				child,
				form({ 'outcome-o-read-ended': 'yes', reason: 'Achieved' })
			);
			expect(saved.ok).toBe(true);
			const plan = await loadCurrentPlan(db, team.childId);
			expect(plan).toMatchObject({
				version: 2,
				source: 'person',
				madeByName: team.member('senco').name,
				summary: 'Outcomes: 1 ended. Why: Achieved'
			});
			expect(await loadPlanVersions(db, team.childId)).toHaveLength(2);
		}
	);
});
