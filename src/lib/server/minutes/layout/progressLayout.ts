import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import type { Block } from '../../../shared/viewModels/documentBlocks.ts';
import type { Minutes } from '../minutesTypes.ts';
import { heading, note } from './blocks.ts';

/**
 * "Progress over time" in the minutes: for each outcome followed from earlier reviews, its
 * scores then and now, as a table (every format) and a chart of the same numbers (HTML
 * and PDF). Nothing when no outcome has an earlier score to compare.
 */

const scoreText = (score: number | null) => (score === null ? 'Not scored' : `${score} out of 10`);

export function progressBlocks(minutes: Minutes): Block[] {
	const followed = minutes.outcomes.filter((outcome) => (outcome.earlier ?? []).length > 0);
	if (followed.length === 0) return [];
	const today = ukDateOf(new Date(minutes.meeting.startsAt));
	const label = (outcome: Minutes['outcomes'][number]) =>
		`Outcome ${outcome.number}: ${outcome.text || 'Not written'}`;
	const blocks: Block[] = [
		heading(3, 'Progress over time'),
		note(
			'Each outcome’s score at earlier reviews and at this one, from 0 (no progress yet) to 10 (achieved).'
		),
		{
			kind: 'table',
			caption: 'Progress towards outcomes at each review',
			columns: [
				{ label: 'Outcome', weight: 4 },
				{ label: 'Earlier reviews', weight: 4 },
				{ label: 'This review', weight: 2 }
			],
			rowHeaders: true,
			rows: followed.map((outcome) => [
				label(outcome),
				(outcome.earlier ?? [])
					.map((point) => `${scoreText(point.score)} (${point.dateText})`)
					.join('; '),
				scoreText(outcome.progress)
			])
		}
	];
	for (const outcome of followed) {
		blocks.push({
			kind: 'chart',
			caption: `Chart of progress: ${label(outcome)}`,
			points: [
				...(outcome.earlier ?? []).map(({ meetingDate, score }) => ({ meetingDate, score })),
				{ meetingDate: today, score: outcome.progress }
			]
		});
	}
	return blocks;
}
