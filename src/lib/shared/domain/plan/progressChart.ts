import { PROGRESS_SCALE_MAX, type ScoredDate } from './progress.ts';
import { dayMonthYear, monthYear, scoreWords, shortMonthYear } from './progressWords.ts';

/**
 * Where everything goes in a chart of an outcome's scores (0–10, one point per review,
 * evenly spaced in date order): the same numbers for the page's SVG, the HTML minutes'
 * SVG and the PDF minutes' vector drawing, so every format draws the same chart. Pure.
 */

export interface ChartFrame {
	width: number;
	height: number;
	/** Space kept free above the plot for the details of the point in focus. */
	readoutHeight: number;
	left: number;
	right: number;
	bottom: number;
	fontSize: number;
	/** Characters a line of the details holds before it wraps. */
	readoutChars: number;
	readoutLines: number;
}

export const FULL_FRAME: ChartFrame = {
	width: 520,
	height: 300,
	readoutHeight: 70,
	left: 56,
	right: 24,
	bottom: 48,
	fontSize: 14,
	readoutChars: 62,
	readoutLines: 3
};

export const COMPACT_FRAME: ChartFrame = {
	width: 300,
	height: 190,
	readoutHeight: 52,
	left: 34,
	right: 14,
	bottom: 30,
	fontSize: 12,
	readoutChars: 42,
	readoutLines: 3
};

/** For print and export: no band for details, since nothing there can be pointed at. */
export const PRINT_FRAME: ChartFrame = {
	width: 480,
	height: 190,
	readoutHeight: 6,
	left: 40,
	right: 20,
	bottom: 36,
	fontSize: 11,
	readoutChars: 70,
	readoutLines: 2
};

export interface ChartPoint {
	x: number;
	/** On the scale when scored; on the axis when not. */
	y: number;
	score: number | null;
	/** "Mar 2025", under the axis. */
	axisLabel: string;
	/** "5 March 2025". */
	dateText: string;
	/** The details shown while the point is in focus or under the pointer, line by line. */
	readout: string[];
	/** The point in words, for assistive technology. */
	spoken: string;
}

export interface ChartGeometry {
	frame: ChartFrame;
	plot: { left: number; right: number; top: number; bottom: number };
	yTicks: { value: number; y: number }[];
	points: ChartPoint[];
	/** SVG path data through the scored points, or '' when fewer than two are scored. */
	line: string;
	/** The whole chart in one sentence. */
	summary: string;
}

/** Splits text into at most `lines` lines of about `width` characters, with … when cut. */
export function wrapText(text: string, width: number, lines: number): string[] {
	const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
	const result: string[] = [];
	let current = '';
	for (const word of words) {
		const piece = word.length > width ? `${word.slice(0, width - 1)}…` : word;
		if (current && current.length + 1 + piece.length > width) {
			result.push(current);
			current = piece;
		} else current = current ? `${current} ${piece}` : piece;
	}
	if (current) result.push(current);
	if (result.length <= lines) return result;
	const kept = result.slice(0, lines);
	const last = kept[lines - 1] ?? '';
	kept[lines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
	return kept;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function chartSummary(points: readonly ScoredDate[]): string {
	const scored = points.filter((point) => point.score !== null);
	const first = points[0];
	const last = points.at(-1);
	if (!first || !last || scored.length === 0) return 'Progress chart: no scores yet.';
	const span =
		points.length === 1
			? `at 1 review, in ${monthYear(first.meetingDate)}`
			: `at ${points.length} reviews from ${monthYear(first.meetingDate)} to ${monthYear(last.meetingDate)}`;
	const values = points.map(
		(point) =>
			`${point.score === null ? 'not scored' : point.score} in ${monthYear(point.meetingDate)}`
	);
	return `Progress chart, scores out of ${PROGRESS_SCALE_MAX} ${span}: ${values.join(', ')}.`;
}

export function chartGeometry(
	points: readonly ScoredDate[],
	frame: ChartFrame = FULL_FRAME
): ChartGeometry {
	const plot = {
		left: frame.left,
		right: frame.width - frame.right,
		top: frame.readoutHeight + frame.fontSize,
		bottom: frame.height - frame.bottom
	};
	const yOf = (value: number) =>
		round(plot.bottom - ((plot.bottom - plot.top) * value) / PROGRESS_SCALE_MAX);
	const step = points.length > 1 ? (plot.right - plot.left) / (points.length - 1) : 0;
	const xOf = (index: number) =>
		round(points.length > 1 ? plot.left + step * index : (plot.left + plot.right) / 2);
	const chartPoints = points.map((point, index): ChartPoint => {
		const scoreText = point.score === null ? 'not scored' : scoreWords(point.score);
		const dateText = dayMonthYear(point.meetingDate);
		const evidence = point.evidence?.trim() ?? '';
		return {
			x: xOf(index),
			y: yOf(point.score ?? 0),
			score: point.score,
			axisLabel: shortMonthYear(point.meetingDate),
			dateText,
			readout: [
				`${dateText}: ${scoreText}`,
				...wrapText(
					evidence ? `Evidence: ${evidence}` : 'No evidence recorded.',
					frame.readoutChars,
					frame.readoutLines - 1
				)
			],
			spoken: `Review on ${dateText}: ${scoreText}. ${evidence ? `Evidence: ${evidence}` : 'No evidence recorded.'}`
		};
	});
	const scored = chartPoints.filter((point) => point.score !== null);
	return {
		frame,
		plot,
		yTicks: [0, 5, 10].map((value) => ({ value, y: yOf(value) })),
		points: chartPoints,
		line:
			scored.length > 1
				? scored.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ')
				: '',
		summary: chartSummary(points)
	};
}

/** Which axis labels to print when there are too many to fit (the first and last always). */
export function axisLabelShown(index: number, count: number, frame: ChartFrame): boolean {
	const room = Math.max(
		2,
		Math.floor((frame.width - frame.left - frame.right) / (frame.fontSize * 5))
	);
	if (count <= room) return true;
	const every = Math.ceil((count - 1) / (room - 1));
	return index === count - 1 || (index % every === 0 && count - 1 - index >= every / 2);
}
