import { describe, expect, it } from 'vitest';
import { computeTimeline, describeStatus, type RecordedLaDecision } from './timeline.ts';
import { ukInstant } from './ukCalendar.ts';

// The local authority's decision after an EHCP review, and what the timeline does with it.

const meetingStart = ukInstant('2026-03-12', '10:00') ?? new Date(Number.NaN);
const now = ukInstant('2026-04-20', '09:00') ?? new Date(Number.NaN);

function deadlinesAfter(laDecision: RecordedLaDecision | null) {
	return computeTimeline({
		type: 'ehcp_annual_review',
		startsAt: meetingStart,
		transfer: null,
		childDateOfBirth: '2018-09-01',
		completions: [],
		laterMeetings: [],
		laDecision,
		now
	});
}

const keys = (deadlines: ReturnType<typeof deadlinesAfter>) =>
	deadlines.map((deadline) => deadline.rule.key);

describe('the timeline after the local authority’s decision', () => {
	it('before a decision, waits for it and shows the amended plan only with its condition', () => {
		const deadlines = deadlinesAfter(null);
		expect(keys(deadlines)).toContain('amended_plan_issued');
		expect(keys(deadlines)).not.toContain('family_comments');
		const decision = deadlines.find((deadline) => deadline.rule.key === 'la_decision');
		expect(decision?.status).toBe('overdue');
		expect(decision?.dueDate).toBe('2026-04-09');
	});

	it('after "amend", counts the family’s 15 days from the decision and keeps the final plan', () => {
		const deadlines = deadlinesAfter({
			decision: 'amend',
			decidedOn: '2026-04-02',
			recordedByName: 'Sam Okafor'
		});
		const byKey = new Map(deadlines.map((deadline) => [deadline.rule.key, deadline]));
		expect(byKey.get('la_decision')?.status).toBe('done');
		const decided = byKey.get('la_decision');
		if (!decided) throw new Error('no LA decision deadline');
		expect(describeStatus(decided, now)).toBe('Done on Thursday 2 April 2026 by Sam Okafor');
		expect(byKey.get('family_comments')).toMatchObject({
			dueDate: '2026-04-17',
			earliestDate: '2026-04-02'
		});
		expect(byKey.get('amended_plan_issued')?.dueDate).toBe('2026-06-04');
	});

	it.each(['maintain', 'cease'] as const)(
		'after "%s", drops the amended plan and the family’s comments',
		(decision) => {
			const deadlines = deadlinesAfter({ decision, decidedOn: '2026-04-02', recordedByName: null });
			expect(keys(deadlines)).not.toContain('amended_plan_issued');
			expect(keys(deadlines)).not.toContain('family_comments');
			expect(deadlines.find((deadline) => deadline.rule.key === 'la_decision')?.status).toBe(
				'done'
			);
		}
	);
});
