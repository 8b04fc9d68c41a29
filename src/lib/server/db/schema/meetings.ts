import {
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import type { ActionStatus } from '../../../shared/domain/actionStatuses.ts';
import type { AgendaItem } from '../../../shared/domain/meetingAgendas.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';
import type { RsvpResponse } from '../../../shared/domain/rsvp.ts';
import { createdAt } from './columns.ts';
import { users } from './accounts.ts';
import { children } from './children.ts';

/** Meetings, their invitees and deadlines, and the actions and outcomes projected from the live documents. */

export const meetings = pgTable(
	'meetings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		childId: uuid('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		type: text('type').$type<MeetingType>().notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		durationMinutes: integer('duration_minutes').notNull().default(60),
		location: text('location').notNull().default(''),
		onlineLink: text('online_link'),
		chairId: uuid('chair_id').references(() => users.id, { onDelete: 'set null' }),
		agenda: jsonb('agenda').$type<AgendaItem[]>().notNull().default([]),
		/** For phase-transfer reviews: which transfer (see shared/domain timeline rules). */
		transfer: text('transfer'),
		/** scheduled → in_progress → closed (reopening returns to in_progress). */
		status: text('status').notNull().default('scheduled'),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(table) => [index('meetings_child_idx').on(table.childId, table.startsAt)]
);

export const meetingInvitees = pgTable(
	'meeting_invitees',
	{
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		rsvp: text('rsvp').$type<RsvpResponse>().notNull().default('pending'),
		respondedAt: timestamp('responded_at', { withTimezone: true }),
		/** Written contribution from someone who cannot attend. */
		contribution: text('contribution'),
		contributionAt: timestamp('contribution_at', { withTimezone: true })
	},
	(table) => [
		primaryKey({ columns: [table.meetingId, table.userId] }),
		index('meeting_invitees_user_idx').on(table.userId)
	]
);

/** A statutory deadline of a meeting marked as done, with who marked it and when. */
export const deadlineCompletions = pgTable(
	'deadline_completions',
	{
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		ruleKey: text('rule_key').notNull(),
		completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
		completedBy: uuid('completed_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [primaryKey({ columns: [table.meetingId, table.ruleKey] })]
);

/**
 * Actions agreed in meetings, projected from each meeting's live document after every
 * store, so dashboards and "my actions" never parse Yjs in a request. The live document
 * stays the source of truth; this table is rewritten from it.
 */
export const actions = pgTable(
	'actions',
	{
		/** The action's id inside the meeting document. */
		id: text('id').primaryKey(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		childId: uuid('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
		ownerAgency: text('owner_agency').notNull().default(''),
		dueDate: date('due_date'),
		status: text('status').$type<ActionStatus>().notNull().default('open'),
		outcomeId: text('outcome_id'),
		evidence: text('evidence'),
		/** The action this one was carried forward from, in an earlier meeting. */
		carriedFromId: text('carried_from_id'),
		firstRaisedAt: timestamp('first_raised_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('actions_owner_idx').on(table.ownerId, table.status),
		index('actions_child_idx').on(table.childId, table.status),
		index('actions_meeting_idx').on(table.meetingId)
	]
);

/**
 * Outcomes agreed in meetings, projected from each meeting's live document like actions
 * (the document stays the source of truth).
 */
export const outcomes = pgTable(
	'outcomes',
	{
		/**
		 * The outcome's id inside the meeting document. An outcome carried from the child's
		 * plan keeps its id from review to review, so the same id appears once per meeting.
		 */
		id: text('id').notNull(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		childId: uuid('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		areaOfNeed: text('area_of_need'),
		text: text('text').notNull(),
		/** Progress since the last review, 0–10. */
		progress: integer('progress'),
		evidence: text('evidence').notNull().default(''),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.meetingId, table.id] }),
		index('outcomes_child_idx').on(table.childId, table.id),
		index('outcomes_meeting_idx').on(table.meetingId)
	]
);
