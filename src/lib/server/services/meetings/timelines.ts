import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
	computeTimeline,
	type Deadline,
	type DeadlineCompletion,
	type LaterMeeting,
	type RecordedLaDecision
} from '../../../shared/domain/timeline.ts';
import type { Database } from '../../db/client.ts';
import { children, deadlineCompletions, laDecisions, meetings, users } from '../../db/schema.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';

/**
 * Statutory timelines from the database: each meeting's rules (shared/domain/timeline.ts)
 * with the completions recorded for it, the local authority's decision after it, and the
 * child's later meetings, which meet the "next review" rules.
 */

export interface MeetingWithTimeline {
	id: string;
	childId: string;
	type: MeetingType;
	startsAt: Date;
	status: string;
	deadlines: Deadline[];
}

interface MeetingRow {
	id: string;
	childId: string;
	type: MeetingType;
	transfer: string | null;
	startsAt: Date;
	status: string;
	dateOfBirth: string;
	receptionYear: number | null;
}

async function completionsFor(
	db: Database,
	meetingIds: string[]
): Promise<Map<string, DeadlineCompletion[]>> {
	const byMeeting = new Map<string, DeadlineCompletion[]>();
	if (meetingIds.length === 0) return byMeeting;
	const rows = await db
		.select({
			meetingId: deadlineCompletions.meetingId,
			ruleKey: deadlineCompletions.ruleKey,
			completedAt: deadlineCompletions.completedAt,
			completedByName: users.name
		})
		.from(deadlineCompletions)
		.leftJoin(users, eq(users.id, deadlineCompletions.completedBy))
		.where(inArray(deadlineCompletions.meetingId, meetingIds));
	for (const { meetingId, ...completion } of rows) {
		const list = byMeeting.get(meetingId) ?? [];
		list.push(completion);
		byMeeting.set(meetingId, list);
	}
	return byMeeting;
}

async function decisionsFor(
	db: Database,
	meetingIds: string[]
): Promise<Map<string, RecordedLaDecision>> {
	if (meetingIds.length === 0) return new Map();
	const rows = await db
		.select({
			meetingId: laDecisions.meetingId,
			decision: laDecisions.decision,
			decidedOn: laDecisions.decidedOn,
			recordedByName: users.name
		})
		.from(laDecisions)
		.leftJoin(users, eq(users.id, laDecisions.recordedBy))
		.where(inArray(laDecisions.meetingId, meetingIds));
	return new Map(rows.map(({ meetingId, ...decision }) => [meetingId, decision]));
}

function timelinesOf(
	rows: MeetingRow[],
	completions: Map<string, DeadlineCompletion[]>,
	decisions: Map<string, RecordedLaDecision>,
	now: Date,
	dueSoonDays?: number
): MeetingWithTimeline[] {
	return rows.map((row) => {
		const laterMeetings: LaterMeeting[] = rows
			.filter((other) => other.childId === row.childId && other.startsAt > row.startsAt)
			.map(({ id, type, startsAt }) => ({ id, type, startsAt }));
		return {
			id: row.id,
			childId: row.childId,
			type: row.type,
			startsAt: row.startsAt,
			status: row.status,
			deadlines: computeTimeline({
				type: row.type,
				startsAt: row.startsAt,
				transfer: row.transfer,
				childReceptionYear: row.receptionYear,
				childDateOfBirth: row.dateOfBirth,
				completions: completions.get(row.id) ?? [],
				laterMeetings,
				laDecision: decisions.get(row.id) ?? null,
				now,
				dueSoonDays
			})
		};
	});
}

/** Every meeting (not deleted) of these children, each with its timeline. */
export async function timelinesForChildren(
	db: Database,
	childIds: string[],
	now = new Date(),
	dueSoonDays?: number
): Promise<MeetingWithTimeline[]> {
	if (childIds.length === 0) return [];
	const rows = await db
		.select({
			id: meetings.id,
			childId: meetings.childId,
			type: meetings.type,
			transfer: meetings.transfer,
			startsAt: meetings.startsAt,
			status: meetings.status,
			dateOfBirth: children.dateOfBirth,
			receptionYear: children.receptionYear
		})
		.from(meetings)
		.innerJoin(children, eq(children.id, meetings.childId))
		.where(and(inArray(meetings.childId, childIds), isNull(meetings.deletedAt)))
		.orderBy(asc(meetings.startsAt));
	const meetingIds = rows.map((row) => row.id);
	const [completions, decisions] = await Promise.all([
		completionsFor(db, meetingIds),
		decisionsFor(db, meetingIds)
	]);
	return timelinesOf(rows, completions, decisions, now, dueSoonDays);
}

/** One meeting's timeline. */
export async function meetingTimeline(
	db: Database,
	meeting: { id: string; childId: string },
	now = new Date()
): Promise<Deadline[]> {
	const all = await timelinesForChildren(db, [meeting.childId], now);
	return all.find((candidate) => candidate.id === meeting.id)?.deadlines ?? [];
}
