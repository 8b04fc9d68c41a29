import { describe, expect, it } from 'vitest';
import type { MeetingType } from './meetingTypes.ts';
import {
	computeTimeline,
	describeStatus,
	isEhcpReview,
	mostUrgent,
	rulesFor,
	TIMELINE_RULES,
	transferYear,
	type Deadline,
	type TimelineInput
} from './timeline.ts';
import { ukInstant } from './ukCalendar.ts';

function at(date: string, time = '10:00'): Date {
	const instant = ukInstant(date, time);
	if (!instant) throw new Error(`no such UK time ${date} ${time}`);
	return instant;
}

function timeline(overrides: Partial<TimelineInput> & { startsAt: Date }): Deadline[] {
	return computeTimeline({
		type: 'ehcp_annual_review',
		transfer: null,
		childDateOfBirth: '2018-09-01',
		completions: [],
		laterMeetings: [],
		now: at('2020-01-01'),
		...overrides
	});
}

function dueDates(deadlines: Deadline[]): Record<string, string> {
	return Object.fromEntries(deadlines.map((deadline) => [deadline.rule.key, deadline.dueDate]));
}

function deadline(deadlines: Deadline[], key: string): Deadline {
	const found = deadlines.find((candidate) => candidate.rule.key === key);
	if (!found) throw new Error(`no deadline ${key} among ${deadlines.map((d) => d.rule.key)}`);
	return found;
}

describe('the rules table', () => {
	it('gives every rule a unique key, a title and a source', () => {
		const keys = TIMELINE_RULES.map((rule) => rule.key);
		expect(new Set(keys).size).toBe(keys.length);
		for (const rule of TIMELINE_RULES) {
			expect(rule.title, rule.key).not.toBe('');
			expect(rule.source, rule.key).toMatch(/Regulations|Code of Practice|Act|Working Together/);
		}
	});

	it.each<[MeetingType, string[]]>([
		[
			'ehcp_annual_review',
			[
				'invitations_sent',
				'advice_circulated',
				'report_sent',
				'la_decision',
				'family_comments',
				'amended_plan_issued',
				'next_ehcp_review',
				'early_years_review'
			]
		],
		[
			'ehcp_interim_review',
			[
				'invitations_sent',
				'advice_circulated',
				'report_sent',
				'la_decision',
				'family_comments',
				'amended_plan_issued',
				'next_ehcp_review',
				'early_years_review'
			]
		],
		[
			'phase_transfer_review',
			[
				'invitations_sent',
				'advice_circulated',
				'report_sent',
				'la_decision',
				'family_comments',
				'amended_plan_issued',
				'phase_transfer_amended',
				'next_ehcp_review',
				'early_years_review'
			]
		],
		['taf_review', ['next_taf_review']],
		['sen_support_review', ['next_sen_support_review']]
	])('%s has the rules %o', (type, keys) => {
		expect(rulesFor(type).map((rule) => rule.key)).toEqual(keys);
	});
});

describe('isEhcpReview', () => {
	it.each<[MeetingType, boolean]>([
		['ehcp_annual_review', true],
		['ehcp_interim_review', true],
		['phase_transfer_review', true],
		['taf_review', false],
		['sen_support_review', false]
	])('%s: %s', (type, expected) => {
		expect(isEhcpReview(type)).toBe(expected);
	});
});

describe('EHCP review deadlines', () => {
	it.each([
		{
			name: 'an ordinary Thursday in March',
			startsAt: at('2026-03-12'),
			expected: {
				invitations_sent: '2026-02-26',
				advice_circulated: '2026-02-26',
				report_sent: '2026-03-26',
				la_decision: '2026-04-09',
				amended_plan_issued: '2026-06-04',
				next_ehcp_review: '2027-03-12'
			}
		},
		{
			name: 'a meeting on 29 February (leap year)',
			startsAt: at('2028-02-29'),
			expected: {
				invitations_sent: '2028-02-15',
				advice_circulated: '2028-02-15',
				report_sent: '2028-03-14',
				la_decision: '2028-03-28',
				amended_plan_issued: '2028-05-23',
				next_ehcp_review: '2029-02-28'
			}
		},
		{
			name: 'invitations due on 29 February',
			startsAt: at('2028-03-14'),
			expected: {
				invitations_sent: '2028-02-29',
				advice_circulated: '2028-02-29',
				report_sent: '2028-03-28',
				la_decision: '2028-04-11',
				amended_plan_issued: '2028-06-06',
				next_ehcp_review: '2029-03-14'
			}
		},
		{
			name: 'the report due on 29 February',
			startsAt: at('2028-02-15'),
			expected: {
				invitations_sent: '2028-02-01',
				advice_circulated: '2028-02-01',
				report_sent: '2028-02-29',
				la_decision: '2028-03-14',
				amended_plan_issued: '2028-05-09',
				next_ehcp_review: '2029-02-15'
			}
		},
		{
			name: '00:30 on the last Sunday of March (clocks go forward that night)',
			startsAt: at('2026-03-29', '00:30'),
			expected: {
				invitations_sent: '2026-03-15',
				advice_circulated: '2026-03-15',
				report_sent: '2026-04-12',
				la_decision: '2026-04-26',
				amended_plan_issued: '2026-06-21',
				next_ehcp_review: '2027-03-29'
			}
		},
		{
			// 00:30 BST is 23:30 UTC on the Saturday: a UTC date would be a day early.
			name: '00:30 on the last Sunday of October (clocks go back that night)',
			startsAt: at('2026-10-25', '00:30'),
			expected: {
				invitations_sent: '2026-10-11',
				advice_circulated: '2026-10-11',
				report_sent: '2026-11-08',
				la_decision: '2026-11-22',
				amended_plan_issued: '2027-01-17',
				next_ehcp_review: '2027-10-25'
			}
		},
		{
			name: 'a late-evening meeting in summer time',
			startsAt: new Date('2026-06-30T23:15:00Z'),
			expected: {
				invitations_sent: '2026-06-17',
				advice_circulated: '2026-06-17',
				report_sent: '2026-07-15',
				la_decision: '2026-07-29',
				amended_plan_issued: '2026-09-23',
				next_ehcp_review: '2027-07-01'
			}
		}
	])('$name', ({ startsAt, expected }) => {
		expect(dueDates(timeline({ startsAt }))).toEqual(expected);
	});

	it('lists the deadlines in date order', () => {
		const dates = timeline({ startsAt: at('2026-03-12') }).map((d) => d.dueDate);
		expect(dates).toEqual([...dates].sort());
	});

	it('says when a fixed statutory deadline falls on a weekend, without moving it', () => {
		// A Saturday meeting puts the two-week deadlines on a Saturday too.
		const invitations = deadline(timeline({ startsAt: at('2026-03-14') }), 'invitations_sent');
		expect(invitations.dueDate).toBe('2026-02-28');
		expect(invitations.weekendNote).toBe(
			'Falls on a Saturday. The date is fixed and does not move for weekends: finish by Friday 27 February 2026.'
		);
		const weekday = deadline(timeline({ startsAt: at('2026-03-12') }), 'invitations_sent');
		expect(weekday.weekendNote).toBeNull();
	});
});

describe('phase transfer', () => {
	it.each([
		// 15 February 2025 is a Saturday, 15 February 2026 a Sunday: the dates stand.
		['2024-11-12', 'primary_to_secondary', '2025-02-15', 'Saturday', 'Friday 14 February 2025'],
		['2025-10-07', 'primary_to_secondary', '2026-02-15', 'Sunday', 'Friday 13 February 2026'],
		['2026-01-20', 'early_years_to_school', '2026-02-15', 'Sunday', 'Friday 13 February 2026'],
		['2026-11-10', 'infant_to_junior', '2027-02-15', null, null],
		['2027-09-14', 'primary_to_secondary', '2028-02-15', null, null],
		['2025-11-05', 'secondary_to_post16', '2026-03-31', null, null],
		['2027-12-01', 'secondary_to_post16', '2028-03-31', null, null]
	])(
		'a review on %s (%s) must be done by %s',
		(meetingDate, transfer, expected, weekday, friday) => {
			const amended = deadline(
				timeline({ type: 'phase_transfer_review', transfer, startsAt: at(meetingDate) }),
				'phase_transfer_amended'
			);
			expect(amended.dueDate).toBe(expected);
			expect(amended.ruleDate).toBe(expected);
			if (weekday) {
				expect(amended.weekendNote).toContain(`Falls on a ${weekday}`);
				expect(amended.weekendNote).toContain(`finish by ${friday}`);
			} else {
				expect(amended.weekendNote).toBeNull();
			}
		}
	);

	it.each([
		['2026-09-01', 2027],
		['2026-12-31', 2027],
		['2027-01-01', 2027],
		['2027-08-31', 2027]
	])('a review on %s is for a move in %i', (date, year) => {
		expect(transferYear(date)).toBe(year);
	});

	it('is overdue when the review is held after the date', () => {
		const amended = deadline(
			timeline({
				type: 'phase_transfer_review',
				transfer: 'primary_to_secondary',
				startsAt: at('2026-03-03'),
				now: at('2026-03-03')
			}),
			'phase_transfer_amended'
		);
		expect(amended.dueDate).toBe('2026-02-15');
		expect(amended.status).toBe('overdue');
	});

	it('has no transfer deadline until the kind of move is known', () => {
		const keys = timeline({ type: 'phase_transfer_review', startsAt: at('2026-11-10') }).map(
			(d) => d.rule.key
		);
		expect(keys).not.toContain('phase_transfer_amended');
		expect(keys).toContain('report_sent');
	});
});

describe('reviews of the family plan', () => {
	it.each([
		// [meeting, earliest, due, rule date]: a Saturday end moves back to the Friday.
		['taf_review', '2026-01-13', '2026-02-24', '2026-04-07', '2026-04-07'],
		['taf_review', '2026-01-10', '2026-02-21', '2026-04-03', '2026-04-04'],
		['taf_review', '2028-01-04', '2028-02-15', '2028-03-28', '2028-03-28'],
		['sen_support_review', '2026-01-13', null, '2026-05-13', '2026-05-13'],
		['sen_support_review', '2026-01-17', null, '2026-05-15', '2026-05-17']
	] as const)(
		'a %s on %s: next review from %s, due by %s',
		(type, meetingDate, earliest, due, ruleDate) => {
			const [next] = timeline({ type, startsAt: at(meetingDate) });
			expect(next?.earliestDate).toBe(earliest);
			expect(next?.dueDate).toBe(due);
			expect(next?.ruleDate).toBe(ruleDate);
			if (due !== ruleDate) expect(next?.weekendNote).toContain('due on the working day before');
		}
	);
});

describe('children under 5', () => {
	it.each([
		['2023-06-01', '2026-01-13', true],
		['2021-01-14', '2026-01-13', true],
		['2021-01-13', '2026-01-13', false],
		['2018-09-01', '2026-01-13', false],
		// Born on 29 February: 5 on 1 March 2025, not on 28 February.
		['2020-02-29', '2025-02-28', true],
		['2020-02-29', '2025-03-01', false]
	])('born %s, reviewed %s: earlier review advised is %s', (dateOfBirth, meetingDate, advised) => {
		const keys = timeline({ childDateOfBirth: dateOfBirth, startsAt: at(meetingDate) }).map(
			(d) => d.rule.key
		);
		expect(keys.includes('early_years_review')).toBe(advised);
	});

	it('advises a review 3 to 6 months later, as guidance', () => {
		const early = deadline(
			timeline({ childDateOfBirth: '2023-06-01', startsAt: at('2026-01-13') }),
			'early_years_review'
		);
		expect(early).toMatchObject({ earliestDate: '2026-04-13', dueDate: '2026-07-13' });
		expect(early.rule.force).toBe('guidance');
	});
});

describe('status', () => {
	const startsAt = at('2026-03-12');
	const statusOn = (today: string, key = 'invitations_sent', dueSoonDays?: number) =>
		deadline(timeline({ startsAt, now: at(today, '09:00'), dueSoonDays }), key);

	it.each([
		['2026-02-10', 'upcoming', 'Due in 16 days'],
		['2026-02-18', 'upcoming', 'Due in 8 days'],
		['2026-02-19', 'due_soon', 'Due in 7 days'],
		['2026-02-25', 'due_soon', 'Due in 1 day'],
		['2026-02-26', 'due_soon', 'Due today'],
		['2026-02-27', 'overdue', 'Overdue by 1 day'],
		['2026-03-20', 'overdue', 'Overdue by 22 days']
	])('on %s the invitations are %s (%s)', (today, status, words) => {
		const invitations = statusOn(today);
		expect(invitations.status).toBe(status);
		expect(describeStatus(invitations, at(today))).toBe(words);
	});

	it('uses the UK date for "today": 00:30 BST is already the next day', () => {
		const now = new Date('2026-02-25T23:30:00Z'); // 25 February in UTC, GMT in the UK
		expect(deadline(timeline({ startsAt, now }), 'invitations_sent').daysUntilDue).toBe(1);
		const summer = at('2026-07-01', '10:00');
		const late = new Date('2026-06-16T23:30:00Z'); // 00:30 BST on 17 June
		expect(
			deadline(timeline({ startsAt: summer, now: late }), 'invitations_sent').daysUntilDue
		).toBe(0);
	});

	it('takes a configurable "due soon" window', () => {
		expect(statusOn('2026-02-10', 'invitations_sent', 16).status).toBe('due_soon');
		expect(statusOn('2026-02-10', 'invitations_sent', 15).status).toBe('upcoming');
	});

	it('is done once marked done, even after the date', () => {
		const completedAt = at('2026-02-24', '15:00');
		const invitations = deadline(
			timeline({
				startsAt,
				now: at('2026-03-20'),
				completions: [{ ruleKey: 'invitations_sent', completedAt, completedByName: 'Priya Shah' }]
			}),
			'invitations_sent'
		);
		expect(invitations.status).toBe('done');
		expect(describeStatus(invitations, at('2026-03-20'))).toBe(
			'Done on Tuesday 24 February 2026 by Priya Shah'
		);
	});

	it('says when a deadline was done late', () => {
		const invitations = deadline(
			timeline({
				startsAt,
				now: at('2026-03-20'),
				completions: [
					{ ruleKey: 'invitations_sent', completedAt: at('2026-03-02'), completedByName: null }
				]
			}),
			'invitations_sent'
		);
		expect(invitations.status).toBe('done');
		expect(describeStatus(invitations, at('2026-03-20'))).toBe(
			'Done on Monday 2 March 2026, 4 days after the deadline'
		);
	});

	it('counts the next review as done when one is booked before the deadline', () => {
		const later = { id: 'later', type: 'ehcp_interim_review' as const, startsAt: at('2027-03-01') };
		const next = deadline(
			timeline({ startsAt, now: at('2026-06-01'), laterMeetings: [later] }),
			'next_ehcp_review'
		);
		expect(next.status).toBe('done');
		expect(next.metBy).toEqual(later);
		expect(describeStatus(next, at('2026-06-01'))).toBe('Booked: review on Monday 1 March 2027');
		expect(describeStatus(next, at('2027-03-02'))).toBe('Done: review held on Monday 1 March 2027');
	});

	it('does not count a later meeting after the deadline, or of another kind', () => {
		const tooLate = { id: 'late', type: 'ehcp_annual_review' as const, startsAt: at('2027-03-15') };
		const otherKind = { id: 'taf', type: 'taf_review' as const, startsAt: at('2026-09-01') };
		const next = deadline(
			timeline({ startsAt, now: at('2027-03-13'), laterMeetings: [tooLate, otherKind] }),
			'next_ehcp_review'
		);
		expect(next.status).toBe('overdue');
		expect(next.metBy).toBeNull();
	});

	it('picks the earliest deadline not done as the most urgent', () => {
		const deadlines = timeline({
			startsAt,
			now: at('2026-03-20'),
			completions: [
				{ ruleKey: 'invitations_sent', completedAt: at('2026-02-20'), completedByName: null },
				{ ruleKey: 'advice_circulated', completedAt: at('2026-02-20'), completedByName: null }
			]
		});
		expect(mostUrgent(deadlines)?.rule.key).toBe('report_sent');
		expect(mostUrgent(deadlines)?.status).toBe('due_soon');
		expect(mostUrgent([])).toBeNull();
	});
});
