import { describe, expect, it } from 'vitest';
import {
	earlierScoresLine,
	earlierScoresSpoken,
	monthsBetween,
	outcomeSubject,
	progressSentence
} from './progressWords.ts';

const point = (meetingDate: string, score: number | null) => ({ meetingDate, score });

describe('progress in plain words', () => {
	it('compares the latest score with the review before, naming its month', () => {
		expect(
			progressSentence('ask for help using signs or words', [
				point('2025-03-05', 3),
				point('2025-06-20', 6)
			])
		).toBe(
			'Asking for help using signs or words: 3 out of 10 at the review in March 2025, 6 out of 10 now (up 3).'
		);
	});

	it('says "last year" when the review before was 9 to 15 months earlier', () => {
		const text = 'Aaron will ask for help using his signs or words';
		expect(progressSentence(text, [point('2025-03-05', 3), point('2026-03-04', 6)])).toBe(
			'Asking for help using his signs or words: 3 out of 10 at the review last year, 6 out of 10 now (up 3).'
		);
		expect(progressSentence(text, [point('2024-03-05', 3), point('2025-06-06', 6)])).toContain(
			'at the review last year'
		);
		expect(progressSentence(text, [point('2024-03-05', 3), point('2025-07-06', 6)])).toContain(
			'at the review in March 2024'
		);
		expect(progressSentence(text, [point('2025-03-05', 3), point('2025-11-06', 6)])).toContain(
			'at the review in March 2025'
		);
	});

	it('says when the score went down or did not change', () => {
		expect(
			progressSentence('sit with the class', [point('2025-03-05', 5), point('2025-07-01', 3)])
		).toBe(
			'Sitting with the class: 5 out of 10 at the review in March 2025, 3 out of 10 now (down 2).'
		);
		expect(
			progressSentence('use a visual timetable', [point('2025-03-05', 4), point('2025-07-01', 4)])
		).toBe(
			'Using a visual timetable: 4 out of 10 at the review in March 2025, 4 out of 10 now (no change).'
		);
	});

	it('says when this is the first score', () => {
		expect(progressSentence('Independent toileting', [point('2025-07-01', 2)])).toBe(
			'Independent toileting: 2 out of 10 now, the first time it has been scored.'
		);
		expect(
			progressSentence('Independent toileting', [point('2025-03-01', null), point('2025-07-01', 2)])
		).toBe('Independent toileting: 2 out of 10 now, the first time it has been scored.');
	});

	it('passes over reviews that gave no score, and says when this one gave none', () => {
		expect(
			progressSentence('write their name', [
				point('2025-01-10', 2),
				point('2025-04-10', null),
				point('2025-07-10', 5)
			])
		).toBe(
			'Writing their name: 2 out of 10 at the review in January 2025, 5 out of 10 now (up 3).'
		);
		expect(
			progressSentence('write their name', [point('2025-01-10', 2), point('2025-07-10', null)])
		).toBe('Writing their name: 2 out of 10 at the review in January 2025, not scored this time.');
		expect(progressSentence('write their name', [point('2025-07-10', null)])).toBe(
			'Writing their name: not scored yet.'
		);
		expect(progressSentence('write their name', [])).toBe('Writing their name: not scored yet.');
	});

	it('can name the latest review instead of "now"', () => {
		expect(
			progressSentence('ask for help', [point('2025-03-05', 3), point('2025-10-01', 6)], {
				latest: 'dated'
			})
		).toBe(
			'Asking for help: 3 out of 10 at the review in March 2025, 6 out of 10 at the review in October 2025 (up 3).'
		);
	});

	it('turns outcomes into the start of a sentence', () => {
		expect(outcomeSubject('By the end of Key Stage 1, Aaron will ask for help.')).toBe(
			'Asking for help'
		);
		expect(outcomeSubject('Maya will be able to tie her shoes')).toBe('Tying her shoes');
		expect(outcomeSubject('see the board clearly')).toBe('Seeing the board clearly');
		expect(outcomeSubject('Reading at age-related expectations')).toBe(
			'Reading at age-related expectations'
		);
		expect(outcomeSubject('   ')).toBe('This outcome');
		expect(outcomeSubject('x'.repeat(300))).toHaveLength(120);
	});

	it('counts whole months between review dates', () => {
		expect(monthsBetween('2025-03-05', '2025-04-04')).toBe(0);
		expect(monthsBetween('2025-03-05', '2026-03-05')).toBe(12);
	});

	it('gives a one-line history of earlier scores, written and spoken', () => {
		const points = [point('2025-03-05', 3), point('2025-10-01', null), point('2025-10-20', 5)];
		expect(earlierScoresLine(points)).toBe(
			'Earlier: 3/10 (Mar 2025), not scored (Oct 2025), 5/10 (Oct 2025)'
		);
		expect(earlierScoresSpoken(points)).toBe(
			'Earlier scores: 3 out of 10 in March 2025, not scored in October 2025, 5 out of 10 in October 2025'
		);
		expect(earlierScoresLine([])).toBeNull();
	});
});
