import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LaDecisionKind } from '../../../shared/domain/plan/laDecisions.ts';
import type { PlanContent } from '../../../shared/domain/plan/planContent.ts';
import { createdAt } from './columns.ts';
import { users } from './accounts.ts';
import { children } from './children.ts';
import { meetings } from './meetings.ts';

/** Each child's plan, version by version, and the local authority's decisions after reviews. */

export { LA_DECISIONS, type LaDecisionKind } from '../../../shared/domain/plan/laDecisions.ts';

/**
 * The local authority's decision after an EHCP (Education, Health and Care plan) review:
 * keep the plan as it is, amend it, or stop maintaining it. One per review meeting.
 */
export const laDecisions = pgTable(
	'la_decisions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		childId: uuid('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		decision: text('decision').$type<LaDecisionKind>().notNull(),
		decidedOn: date('decided_on').notNull(),
		note: text('note').notNull().default(''),
		recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(table) => [
		uniqueIndex('la_decisions_meeting_idx').on(table.meetingId),
		index('la_decisions_child_idx').on(table.childId)
	]
);

export const PLAN_VERSION_STATES = ['adopted', 'proposed', 'accepted', 'set_aside'] as const;
/**
 * - adopted: was the child's plan from when it was made until a later adopted version;
 * - proposed: what an EHCP review recommended, waiting for the local authority's decision;
 * - accepted: a proposal the local authority decided to make the plan (the version that
 *   did so follows it);
 * - set_aside: a proposal the decision did not adopt, or one that a later closing of the
 *   same review replaced.
 */
export type PlanVersionState = (typeof PLAN_VERSION_STATES)[number];

export const PLAN_VERSION_SOURCES = ['meeting', 'la_decision', 'person'] as const;
export type PlanVersionSource = (typeof PLAN_VERSION_SOURCES)[number];

/**
 * A child's plan, one whole copy per version, never changed once written (its state
 * aside). The current plan is the adopted version with the highest number.
 */
export const planVersions = pgTable(
	'plan_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		childId: uuid('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		/** 1, 2, 3… per child. */
		version: integer('version').notNull(),
		state: text('state').$type<PlanVersionState>().notNull(),
		/** What made it: a closed meeting, the LA's decision, or a person editing the plan. */
		source: text('source').$type<PlanVersionSource>().notNull(),
		meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
		laDecisionId: uuid('la_decision_id').references(() => laDecisions.id, {
			onDelete: 'set null'
		}),
		madeBy: uuid('made_by').references(() => users.id, { onDelete: 'set null' }),
		/** Plain words on what changed and why, shown in the list of versions. */
		summary: text('summary').notNull().default(''),
		content: jsonb('content').$type<PlanContent>().notNull(),
		createdAt: createdAt()
	},
	(table) => [uniqueIndex('plan_versions_child_version_idx').on(table.childId, table.version)]
);
