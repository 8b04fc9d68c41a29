import { describe, expect, it } from 'vitest';
import {
	academicYearStart,
	isTransferDue,
	nextTransfer,
	receptionYearFor,
	transferYearFor,
	yearGroupLabel,
	yearGroupOn
} from './yearGroups.ts';
import { computeTimeline } from './timeline.ts';

describe('year groups kept as a cohort', () => {
	it('moves on each 1 September, not on 1 January', () => {
		expect(academicYearStart('2026-06-15')).toBe(2025);
		expect(academicYearStart('2026-09-01')).toBe(2026);
		expect(academicYearStart('2026-08-31')).toBe(2025);
		const cohort = receptionYearFor(5, '2026-06-15');
		expect(yearGroupOn(cohort, '2026-08-31')).toBe(5);
		expect(yearGroupOn(cohort, '2026-09-01')).toBe(6);
		expect(yearGroupLabel(cohort, '2026-09-01')).toBe('Year 6');
		expect(yearGroupLabel(receptionYearFor(0, '2026-10-01'), '2026-10-01')).toBe('Reception');
		expect(yearGroupLabel(receptionYearFor(-1, '2026-10-01'), '2026-10-01')).toBe(
			'Nursery (the year before Reception)'
		);
		expect(yearGroupLabel(receptionYearFor(13, '2026-10-01'), '2027-10-01')).toBe('Past Year 13');
		expect(yearGroupLabel(null, '2026-10-01')).toBeNull();
	});
});

describe('phase transfer from the year group', () => {
	it('a review in June 2026 of a child starting Year 6 that September: 15 February 2027', () => {
		// In Year 5 on the day of the review; moving to secondary in September 2027.
		const cohort = receptionYearFor(5, '2026-06-15');
		expect(transferYearFor('primary_to_secondary', cohort)).toBe(2027);
		const upcoming = nextTransfer(cohort, '2026-06-15');
		expect(upcoming).toEqual({
			transfer: 'primary_to_secondary',
			year: 2027,
			deadline: '2027-02-15',
			flagFrom: '2026-06-01'
		});
		expect(isTransferDue(upcoming, '2026-06-15')).toBe(true);
		expect(isTransferDue(upcoming, '2026-05-31')).toBe(false);
	});

	it('a child in Year 6 in the autumn of 2026: 15 February 2027', () => {
		const cohort = receptionYearFor(6, '2026-10-01');
		expect(nextTransfer(cohort, '2026-10-01')?.deadline).toBe('2027-02-15');
	});

	it('secondary to post-16: 31 March of the year the child leaves Year 11', () => {
		const cohort = receptionYearFor(11, '2026-10-01');
		expect(nextTransfer(cohort, '2026-10-01')).toMatchObject({
			transfer: 'secondary_to_post16',
			deadline: '2027-03-31',
			flagFrom: '2026-06-01'
		});
		// In Year 10 in June 2026, the same move is flagged from that summer.
		expect(nextTransfer(receptionYearFor(10, '2026-06-15'), '2026-06-15')?.deadline).toBe(
			'2027-03-31'
		);
	});

	it('nursery to school, and nothing after the last move', () => {
		const nursery = receptionYearFor(-1, '2026-10-01');
		expect(nextTransfer(nursery, '2026-10-01')).toMatchObject({
			transfer: 'early_years_to_school',
			deadline: '2027-02-15'
		});
		// Past the deadline, the move is behind the child: the next one is secondary school.
		expect(nextTransfer(nursery, '2027-02-16')?.transfer).toBe('primary_to_secondary');
		expect(nextTransfer(receptionYearFor(12, '2026-10-01'), '2026-10-01')).toBeNull();
	});
});

describe('a phase-transfer review’s deadline', () => {
	const review = (childReceptionYear: number | null) =>
		computeTimeline({
			type: 'phase_transfer_review',
			startsAt: new Date('2026-06-15T10:00:00Z'),
			transfer: 'primary_to_secondary',
			childReceptionYear,
			childDateOfBirth: '2016-01-10',
			completions: [],
			laterMeetings: [],
			now: new Date('2026-06-15T10:00:00Z')
		}).find((deadline) => deadline.rule.key === 'phase_transfer_amended')?.ruleDate;

	it('comes from the year group: June 2026, moving in September 2027 → 15 February 2027', () => {
		expect(review(receptionYearFor(5, '2026-06-15'))).toBe('2027-02-15');
	});

	it('is guessed from the meeting date only when no year group is recorded', () => {
		expect(review(null)).toBe('2026-02-15');
	});
});
