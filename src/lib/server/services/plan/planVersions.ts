import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
	laDecisions,
	meetings,
	planVersions,
	users,
	type PlanVersionSource,
	type PlanVersionState
} from '../../db/schema.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';
import { emptyPlanContent, type PlanContent } from '../../../shared/domain/plan/planContent.ts';

/** Reading and writing a child's plan versions. Versions are never rewritten, only their state. */

export interface PlanVersion {
	id: string;
	version: number;
	state: PlanVersionState;
	source: PlanVersionSource;
	meetingId: string | null;
	meetingType: MeetingType | null;
	meetingStartsAt: Date | null;
	laDecisionId: string | null;
	madeByName: string | null;
	summary: string;
	content: PlanContent;
	createdAt: Date;
}

const versionColumns = {
	id: planVersions.id,
	version: planVersions.version,
	state: planVersions.state,
	source: planVersions.source,
	meetingId: planVersions.meetingId,
	meetingType: meetings.type,
	meetingStartsAt: meetings.startsAt,
	laDecisionId: planVersions.laDecisionId,
	madeByName: users.name,
	summary: planVersions.summary,
	content: planVersions.content,
	createdAt: planVersions.createdAt
};

/** Every version of the child's plan, newest first. */
export async function loadPlanVersions(db: Database, childId: string): Promise<PlanVersion[]> {
	return db
		.select(versionColumns)
		.from(planVersions)
		.leftJoin(meetings, eq(meetings.id, planVersions.meetingId))
		.leftJoin(users, eq(users.id, planVersions.madeBy))
		.where(eq(planVersions.childId, childId))
		.orderBy(desc(planVersions.version));
}

/** The child's plan now: the adopted version with the highest number, or null before any. */
export async function loadCurrentPlan(db: Database, childId: string): Promise<PlanVersion | null> {
	const [row] = await db
		.select(versionColumns)
		.from(planVersions)
		.leftJoin(meetings, eq(meetings.id, planVersions.meetingId))
		.leftJoin(users, eq(users.id, planVersions.madeBy))
		.where(and(eq(planVersions.childId, childId), eq(planVersions.state, 'adopted')))
		.orderBy(desc(planVersions.version))
		.limit(1);
	return row ?? null;
}

export async function currentPlanContent(db: Database, childId: string): Promise<PlanContent> {
	return (await loadCurrentPlan(db, childId))?.content ?? emptyPlanContent();
}

/** What an EHCP review proposed and the local authority has not decided yet, if anything. */
export async function loadProposedPlans(db: Database, childId: string): Promise<PlanVersion[]> {
	return db
		.select(versionColumns)
		.from(planVersions)
		.leftJoin(meetings, eq(meetings.id, planVersions.meetingId))
		.leftJoin(users, eq(users.id, planVersions.madeBy))
		.where(and(eq(planVersions.childId, childId), eq(planVersions.state, 'proposed')))
		.orderBy(desc(planVersions.version));
}

export interface NewPlanVersion {
	childId: string;
	state: PlanVersionState;
	source: PlanVersionSource;
	meetingId?: string | null;
	laDecisionId?: string | null;
	madeBy: string | null;
	summary: string;
	content: PlanContent;
}

/**
 * Adds the next version. Callers run it in a transaction that first took lockPlan, so two
 * changes at once cannot draw the same number or both build on the same current plan.
 */
export async function insertPlanVersion(db: Database, input: NewPlanVersion): Promise<string> {
	const [last] = await db
		.select({ version: planVersions.version })
		.from(planVersions)
		.where(eq(planVersions.childId, input.childId))
		.orderBy(desc(planVersions.version))
		.limit(1);
	const [row] = await db
		.insert(planVersions)
		.values({
			childId: input.childId,
			version: (last?.version ?? 0) + 1,
			state: input.state,
			source: input.source,
			meetingId: input.meetingId ?? null,
			laDecisionId: input.laDecisionId ?? null,
			madeBy: input.madeBy,
			summary: input.summary,
			content: input.content
		})
		.returning({ id: planVersions.id });
	if (!row) throw new Error('The plan version was not written');
	return row.id;
}

/** One change to a child's plan at a time (held until the transaction ends). */
export async function lockPlan(db: Database, childId: string): Promise<void> {
	await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`plan:${childId}`}))`);
}

export async function setVersionState(
	db: Database,
	versionId: string,
	state: PlanVersionState
): Promise<void> {
	await db.update(planVersions).set({ state }).where(eq(planVersions.id, versionId));
}

export interface LaDecisionRecord {
	id: string;
	meetingId: string;
	decision: (typeof laDecisions.$inferSelect)['decision'];
	decidedOn: string;
	note: string;
	recordedByName: string | null;
}

export async function loadLaDecisions(db: Database, childId: string): Promise<LaDecisionRecord[]> {
	return db
		.select({
			id: laDecisions.id,
			meetingId: laDecisions.meetingId,
			decision: laDecisions.decision,
			decidedOn: laDecisions.decidedOn,
			note: laDecisions.note,
			recordedByName: users.name
		})
		.from(laDecisions)
		.leftJoin(users, eq(users.id, laDecisions.recordedBy))
		.where(eq(laDecisions.childId, childId))
		.orderBy(desc(laDecisions.decidedOn));
}
