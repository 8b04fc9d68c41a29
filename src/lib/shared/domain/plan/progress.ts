import type { MeetingType } from '../meetingTypes.ts';

/**
 * An outcome's progress over time: its 0–10 score at each closed review of the child.
 * An outcome keeps its id from review to review (see planContent.ts), so the rows with
 * one id across a child's meetings are that outcome's history. Plain data, shared by
 * the server (which loads it) and the pages and charts (which show it).
 */

export interface ProgressPoint {
	meetingId: string;
	meetingType: MeetingType;
	/** yyyy-mm-dd, the review's date in the UK. */
	meetingDate: string;
	/** 0–10, or null when that review did not score the outcome. */
	score: number | null;
	evidence: string;
}

export interface OutcomeProgress {
	outcomeId: string;
	/** The outcome's wording at its latest review. */
	text: string;
	areaOfNeed: string | null;
	/** Oldest review first. */
	points: ProgressPoint[];
}

/** Just what a chart or a sentence needs of a point. */
export type ScoredDate = Pick<ProgressPoint, 'meetingDate' | 'score'> &
	Partial<Pick<ProgressPoint, 'evidence'>>;

export const PROGRESS_SCALE_MAX = 10;

/** Whether any review gave the outcome a score (an outcome never scored has no line to draw). */
export function hasScores(points: readonly ScoredDate[]): boolean {
	return points.some((point) => point.score !== null);
}
