import { date, index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { meetings } from './meetings.ts';

/**
 * The pre-meeting pack (services/packs): sent once per meeting on the date of the
 * "circulate advice" deadline, read by each invitee, and the reminders a coordinator sends
 * to those who still owe advice. Every send is claimed by a unique insert before the email
 * goes, like reminder_digests, so a restart or a second server never sends it twice.
 */

/** One row per meeting whose pack has gone out (or is going out now). */
export const meetingPacks = pgTable('meeting_packs', {
	meetingId: uuid('meeting_id')
		.primaryKey()
		.references(() => meetings.id, { onDelete: 'cascade' }),
	/** The UK date the pack was due, from the advice_circulated timeline rule. */
	dueDate: date('due_date').notNull(),
	claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
	/** Null while the first round of emails is going out. */
	sentAt: timestamp('sent_at', { withTimezone: true })
});

/**
 * Each reader of a meeting's pack: when it was emailed to them (the first send, or later
 * when they joined the team) and when they first and last opened it.
 */
export const packReaders = pgTable(
	'pack_readers',
	{
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Null: not emailed (yet), e.g. the email failed and will be retried. */
		emailedAt: timestamp('emailed_at', { withTimezone: true }),
		firstOpenedAt: timestamp('first_opened_at', { withTimezone: true }),
		lastOpenedAt: timestamp('last_opened_at', { withTimezone: true }),
		openCount: integer('open_count').notNull().default(0)
	},
	(table) => [primaryKey({ columns: [table.meetingId, table.userId] })]
);

/**
 * Reminders to send advice, one per person per meeting per UK day: the primary key is the
 * rate limit, so two clicks (or two coordinators) on one day send one email.
 */
export const packAdviceReminders = pgTable(
	'pack_advice_reminders',
	{
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		reminderDate: date('reminder_date').notNull(),
		sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.meetingId, table.userId, table.reminderDate] }),
		index('pack_advice_reminders_meeting_idx').on(table.meetingId)
	]
);
