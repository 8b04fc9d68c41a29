import { and, asc, eq, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { OutcomeProgress } from '../../../shared/domain/plan/progress.ts';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import type { Database } from '../../db/client.ts';
import { meetings, outcomes } from '../../db/schema.ts';

export interface ProgressHistoryOptions {
	/** Only reviews that started at or before this instant. */
	upTo?: Date;
	/** Only these outcomes. */
	outcomeIds?: string[];
	/** Leave this meeting out: a meeting's own scores are not its history. */
	excludeMeetingId?: string;
}

/**
 * Each outcome's score at every closed review of the child, oldest first. An outcome
 * keeps its id from review to review, so the projected rows with one id across the child's
 * meetings are its history. Only closed, undeleted meetings count: a meeting still open
 * may change its scores, and a deleted one is no longer part of the record. Outcomes come
 * in the order they first appeared (by id within one review: the table keeps no position).
 */
export async function loadProgressHistory(
	db: Database,
	childId: string,
	options: ProgressHistoryOptions = {}
): Promise<OutcomeProgress[]> {
	if (options.outcomeIds?.length === 0) return [];
	const rows = await db
		.select({
			outcomeId: outcomes.id,
			text: outcomes.text,
			areaOfNeed: outcomes.areaOfNeed,
			score: outcomes.progress,
			evidence: outcomes.evidence,
			meetingId: meetings.id,
			meetingType: meetings.type,
			startsAt: meetings.startsAt
		})
		.from(outcomes)
		.innerJoin(meetings, eq(meetings.id, outcomes.meetingId))
		.where(
			and(
				// Both sides name the child: the meeting's is the one that decides who may see it.
				eq(meetings.childId, childId),
				eq(outcomes.childId, childId),
				eq(meetings.status, 'closed'),
				isNull(meetings.deletedAt),
				options.upTo ? lte(meetings.startsAt, options.upTo) : undefined,
				options.outcomeIds ? inArray(outcomes.id, options.outcomeIds) : undefined,
				options.excludeMeetingId ? ne(meetings.id, options.excludeMeetingId) : undefined
			)
		)
		.orderBy(asc(meetings.startsAt), asc(meetings.id), asc(outcomes.id));

	const byOutcome = new Map<string, OutcomeProgress>();
	for (const row of rows) {
		let outcome = byOutcome.get(row.outcomeId);
		if (!outcome) {
			outcome = { outcomeId: row.outcomeId, text: '', areaOfNeed: null, points: [] };
			byOutcome.set(row.outcomeId, outcome);
		}
		// Rows come oldest first, so the last wording written is the latest.
		if (row.text.trim()) outcome.text = row.text.trim();
		if (row.areaOfNeed) outcome.areaOfNeed = row.areaOfNeed;
		outcome.points.push({
			meetingId: row.meetingId,
			meetingType: row.meetingType,
			meetingDate: ukDateOf(row.startsAt),
			score: row.score,
			evidence: row.evidence.trim()
		});
	}
	return [...byOutcome.values()];
}

/** Each outcome's points by its id, for looking up one outcome's history. */
export function pointsByOutcome(
	history: OutcomeProgress[]
): Record<string, OutcomeProgress['points']> {
	return Object.fromEntries(history.map((outcome) => [outcome.outcomeId, outcome.points]));
}
