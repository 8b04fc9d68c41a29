import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns.ts';
import { users } from './accounts.ts';
import { meetings } from './meetings.ts';

/** Live documents (state and update log), frozen minutes and reminder digests. */

/**
 * Compacted Yjs state, one row per live document: every update of the document's log up
 * to and including `compactedSeq`, folded into one state.
 */
export const documents = pgTable('documents', {
	name: text('name').primaryKey(),
	state: bytea('state').notNull(),
	compactedSeq: bigint('compacted_seq', { mode: 'number' }).notNull().default(0),
	updatedAt: timestamp('updated_at', { withTimezone: true })
		.notNull()
		.default(sql`now()`)
});

/**
 * Append-only log of every Yjs update a live document received, with its author and the
 * time it arrived: history, attribution and durability between state snapshots. Rows are
 * kept after compaction, so the document can be replayed to any moment. Once they are a
 * few minutes old, one person's consecutive updates within one minute are merged into one
 * row (the last of them, which keeps its seq and time): history keeps who wrote what to
 * the minute at a fraction of the bytes.
 */
export const documentUpdates = pgTable(
	'document_updates',
	{
		seq: bigserial('seq', { mode: 'number' }).primaryKey(),
		documentName: text('document_name').notNull(),
		update: bytea('update').notNull(),
		/** Who sent it; null for changes the server made (creation from casework, migrations). */
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
		/** How many received updates the row holds (more than one once merged). */
		updateCount: integer('update_count').notNull().default(1),
		/** When the first of a merged row's updates arrived; null for a single update. */
		firstReceivedAt: timestamp('first_received_at', { withTimezone: true })
	},
	(table) => [index('document_updates_document_idx').on(table.documentName, table.seq)]
);

/**
 * Minutes frozen when the chair closes a meeting, one version per close (reopening and
 * closing again makes the next). Rows are only ever inserted, never changed: each holds
 * the live documents' Yjs state at the close, the minutes rendered from it and the
 * SHA-256 fingerprint printed on every export. Restricted notes are kept in their own
 * columns, so that nothing reads them by accident.
 */
export const minutesVersions = pgTable(
	'minutes_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		/** 1, 2, … in the order the meeting was closed. */
		version: integer('version').notNull(),
		/** The meeting document's Yjs state at the close. */
		documentState: bytea('document_state').notNull(),
		/** The restricted companion document's state; null when it was never opened. */
		restrictedState: bytea('restricted_state'),
		/** The minutes as rendered at the close (server/minutes Minutes), as JSON. */
		content: jsonb('content').$type<unknown>().notNull(),
		/** The restricted notes at the close (RestrictedMinutes), as JSON. */
		restrictedContent: jsonb('restricted_content').$type<unknown>(),
		/** SHA-256 of the canonical JSON of `content`. */
		contentHash: text('content_hash').notNull(),
		restrictedHash: text('restricted_hash'),
		closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
		/** Kept as it was, should the account later be renamed or removed. */
		closedByName: text('closed_by_name').notNull(),
		/** The meeting's closedAt: one version per close. */
		closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(table) => [
		uniqueIndex('minutes_versions_meeting_version_unique').on(table.meetingId, table.version),
		uniqueIndex('minutes_versions_meeting_close_unique').on(table.meetingId, table.closedAt)
	]
);

/**
 * The daily email digests of due actions: one row per person per UK day, written before
 * the email is sent, so a restarted server (or a second instance) never sends it twice.
 */
export const reminderDigests = pgTable(
	'reminder_digests',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The UK calendar day the digest is for. */
		digestDate: date('digest_date').notNull(),
		actionCount: integer('action_count').notNull(),
		claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
		/** Null while sending, or if sending failed after the claim. */
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(table) => [primaryKey({ columns: [table.userId, table.digestDate] })]
);
