import { describe, expect, it } from 'vitest';
import { laDecisionFromForm, validateLaDecision } from './laDecision.ts';

function posted(fields: Record<string, string>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.set(name, value);
	return form;
}

const now = new Date('2026-04-20T12:00:00Z');

describe('the LA decision form', () => {
	it('reads the decision, the date from its three boxes and the note', () => {
		const read = laDecisionFromForm(
			posted({
				decision: 'amend',
				'decidedOn-day': '2',
				'decidedOn-month': '4',
				'decidedOn-year': '2026',
				note: 'Draft sent'
			}),
			now
		);
		expect(read.input).toEqual({ decision: 'amend', decidedOn: '2026-04-02', note: 'Draft sent' });
		expect(read.dateError).toBeNull();
	});

	it('says what is wrong with the date, and keeps what was typed', () => {
		const read = laDecisionFromForm(
			posted({ decision: 'amend', 'decidedOn-day': '31', 'decidedOn-month': '2' }),
			now
		);
		expect(read.dateError).toBe('The date of the decision must include a year');
		expect(read.values).toMatchObject({ 'decidedOn-day': '31', 'decidedOn-month': '2' });
		expect(
			laDecisionFromForm(
				posted({ 'decidedOn-day': '1', 'decidedOn-month': '5', 'decidedOn-year': '2026' }),
				now
			).dateError
		).toBe('The date of the decision must be today or in the past');
	});

	it('refuses an unknown decision, a date before the review and a long note', () => {
		expect(
			validateLaDecision(
				{ decision: 'rewrite', decidedOn: '2026-03-01', note: 'x'.repeat(2001) },
				'2026-03-12',
				'2026-04-20'
			)
		).toEqual({
			decision: 'Choose what the local authority decided.',
			decidedOn: 'The decision follows the review, so it cannot be before Thursday 12 March 2026.',
			note: 'The note can be at most 2000 characters.'
		});
	});
});
