import { describe, expect, it } from 'vitest';
import {
	describeConditions,
	describeLength,
	describePeriod,
	describeRule,
	describeShift,
	describeTransferDate,
	describeTransferDates
} from './ruleWording.ts';
import { TIMELINE_RULES, type TimelineRule } from './timeline.ts';

function rule(key: string): TimelineRule {
	const found = TIMELINE_RULES.find((candidate) => candidate.key === key);
	if (!found) throw new Error(`no rule ${key}`);
	return found;
}

describe('a period in words', () => {
	it('counts multiples of 7 days as weeks, and says which side of the meeting', () => {
		expect(describeShift({ days: -14 })).toBe('2 weeks before the meeting');
		expect(describeShift({ days: 14 })).toBe('2 weeks after the meeting');
		expect(describeShift({ weeks: 12 })).toBe('12 weeks after the meeting');
		expect(describeShift({ months: 12 })).toBe('12 months after the meeting');
		expect(describeShift({ days: -1 })).toBe('1 day before the meeting');
		expect(describeShift({ days: 10 })).toBe('10 days after the meeting');
	});

	it('says months and days in full rather than rounding them', () => {
		expect(describeLength({ months: 1, days: 3 })).toBe('1 month and 3 days');
		expect(describeLength({ weeks: 1 })).toBe('1 week');
	});

	it('gives a window with one unit when both ends share it', () => {
		expect(describePeriod({ from: 'meeting', earliest: { weeks: 6 }, shift: { weeks: 12 } })).toBe(
			'between 6 and 12 weeks after the meeting'
		);
		expect(describePeriod({ from: 'meeting', earliest: { weeks: 6 }, shift: { months: 3 } })).toBe(
			'between 6 weeks and 3 months after the meeting'
		);
	});

	it('names the day of the year of a move, and each move with a different day', () => {
		expect(describeTransferDate({ month: 2, day: 15 })).toBe('15 February of the year of the move');
		expect(describeTransferDates()).toBe(
			'15 February of the year of the move, or 31 March of the year of the move for a move from secondary school to a post-16 setting (college or sixth form)'
		);
		expect(
			describeTransferDates({
				a: { label: 'Nursery to school', month: 2, day: 15, yearGroupAfter: 0 }
			})
		).toBe('15 February of the year of the move');
	});
});

describe('each rule in words, from the rules Coplan applies', () => {
	it('says when the invitations are due, from the table in timeline.ts', () => {
		const wording = describeRule(rule('invitations_sent'));
		expect(wording.period).toBe('2 weeks before the meeting');
		expect(wording.forceText).toMatch(/^Statutory/);
		expect(wording.weekend).toContain('does not move');
		expect(wording.meetingTypes).toEqual([
			'Annual review of an Education, Health and Care plan (EHCP)',
			'Interim review of an Education, Health and Care plan (EHCP)',
			'Phase-transfer review (before a move to a new school or college)'
		]);
		expect(wording.source).toContain('regulation 20(2) and (3)');
	});

	it('says the final plan is due 12 weeks after, and only if the plan is amended', () => {
		const wording = describeRule(rule('amended_plan_issued'));
		expect(wording.period).toBe('12 weeks after the meeting');
		expect(wording.conditions).toEqual(['Only if the local authority decides to amend the plan.']);
	});

	it('moves guidance deadlines off weekends, and says so', () => {
		const wording = describeRule(rule('next_taf_review'));
		expect(wording.period).toBe('between 6 and 12 weeks after the meeting');
		expect(wording.forceText).toMatch(/^Guidance/);
		expect(wording.weekend).toBe(
			'When the date falls on a Saturday or Sunday, it is due on the Friday before instead.'
		);
	});

	it('lists every condition: under-fives, the move recorded, later meetings', () => {
		expect(describeConditions(rule('early_years_review'))).toEqual([
			'Only for a child under 5 on the day of the meeting.',
			'Met when a later meeting of one of the kinds it applies to is held by then.'
		]);
		expect(describeConditions(rule('phase_transfer_amended'))).toEqual([
			'Only when the review records which move between phases it is for.'
		]);
		expect(describeConditions(rule('next_sen_support_review'))[0]).toMatch(
			/^Met when a later one of these meetings is held by then: SEN support review .*; Annual review of an Education, Health and Care plan \(EHCP\);/
		);
		expect(describeConditions(rule('report_sent'))).toEqual([]);
	});

	it('words every rule without leaving a code or an empty field', () => {
		for (const timelineRule of TIMELINE_RULES) {
			const wording = describeRule(timelineRule);
			for (const text of [wording.period, wording.weekend, wording.forceText, wording.source]) {
				expect(text, timelineRule.key).toMatch(/^\S.*\S$/);
			}
			expect(wording.meetingTypes.join(' '), timelineRule.key).not.toMatch(/_/);
		}
	});
});
