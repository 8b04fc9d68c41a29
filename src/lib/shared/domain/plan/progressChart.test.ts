import { describe, expect, it } from 'vitest';
import {
	axisLabelShown,
	chartGeometry,
	COMPACT_FRAME,
	FULL_FRAME,
	wrapText
} from './progressChart.ts';

describe('progress chart geometry', () => {
	it('puts 0 at the foot of the plot and 10 at its top, reviews evenly spaced', () => {
		const g = chartGeometry([
			{ meetingDate: '2025-03-05', score: 0 },
			{ meetingDate: '2025-07-01', score: null },
			{ meetingDate: '2025-10-14', score: 10 }
		]);
		const [first, middle, last] = g.points;
		expect(first).toMatchObject({ x: g.plot.left, y: g.plot.bottom });
		expect(last).toMatchObject({ x: g.plot.right, y: g.plot.top });
		expect(middle?.x).toBe((g.plot.left + g.plot.right) / 2);
		// The line skips the review that gave no score.
		expect(g.line).toBe(`M${g.plot.left} ${g.plot.bottom} L${g.plot.right} ${g.plot.top}`);
		// The details band sits above the plot, so it never covers a point.
		expect(g.plot.top).toBeGreaterThan(FULL_FRAME.readoutHeight);
	});

	it('centres a single review and draws no line', () => {
		const g = chartGeometry([{ meetingDate: '2025-03-05', score: 4 }], COMPACT_FRAME);
		expect(g.points[0]?.x).toBe((g.plot.left + g.plot.right) / 2);
		expect(g.line).toBe('');
		expect(g.summary).toBe(
			'Progress chart, scores out of 10 at 1 review, in March 2025: 4 in March 2025.'
		);
	});

	it('wraps the evidence into the lines the band has room for', () => {
		expect(wrapText('one two three four', 9, 3)).toEqual(['one two', 'three', 'four']);
		expect(wrapText('one two three four five', 9, 2)).toEqual(['one two', 'three…']);
	});

	it('thins the axis labels when there are too many, keeping the last', () => {
		const shown = Array.from({ length: 12 }, (_, i) => axisLabelShown(i, 12, COMPACT_FRAME));
		expect(shown.at(-1)).toBe(true);
		expect(shown[0]).toBe(true);
		expect(shown.filter(Boolean).length).toBeLessThan(12);
		expect(axisLabelShown(1, 3, COMPACT_FRAME)).toBe(true);
	});
});
