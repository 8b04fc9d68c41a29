import {
	boolean,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns.ts';
import { organisations, users } from './accounts.ts';
import { children } from './children.ts';

/** The family's consent to share, subject access exports and the retention rule's notices. */

/**
 * What the family agreed to share with which agency, and when; withdrawal is recorded on
 * the same row, which is never deleted while the child's record exists. Restricted notes
 * reach a professional from another agency only while a consent that includes them is in
 * place (see policy.ts).
 */
export const consents = pgTable(
	'consents',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		childId: uuid('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		/** As team members' agencies are written: "NHS Children's Speech and Language Therapy". */
		agency: text('agency').notNull(),
		/** What was agreed, in the family's words where possible. */
		information: text('information').notNull(),
		/** Whether the agency may read restricted notes (social care, safeguarding, medical detail). */
		includesRestricted: boolean('includes_restricted').notNull(),
		/** Who gave consent: the parent or carer, or the young person. */
		givenBy: text('given_by').notNull(),
		givenOn: date('given_on').notNull(),
		recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		withdrawnOn: date('withdrawn_on'),
		withdrawnRecordedBy: uuid('withdrawn_recorded_by').references(() => users.id, {
			onDelete: 'set null'
		}),
		createdAt: createdAt()
	},
	(table) => [index('consents_child_idx').on(table.childId)]
);

export const SUBJECT_ACCESS_STATUSES = ['running', 'ready', 'failed'] as const;
export type SubjectAccessStatus = (typeof SUBJECT_ACCESS_STATUSES)[number];

/**
 * Everything held about a child, gathered into one zip for a subject access request.
 * Progress is written as it goes so the admin sees it; the zip is kept for a week.
 */
export const subjectAccessExports = pgTable(
	'subject_access_exports',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		childId: uuid('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
		status: text('status').$type<SubjectAccessStatus>().notNull().default('running'),
		stepsDone: integer('steps_done').notNull().default(0),
		stepsTotal: integer('steps_total').notNull().default(1),
		/** What is being gathered now, for the progress line. */
		currentStep: text('current_step').notNull().default(''),
		zip: bytea('zip'),
		byteSize: integer('byte_size'),
		error: text('error'),
		createdAt: createdAt(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(table) => [index('subject_access_exports_child_idx').on(table.childId)]
);

/**
 * The retention rule's daily run: one row per organisation per UK day, claimed before its
 * admins are emailed, so the list of records due for deletion is sent once.
 */
export const retentionNotices = pgTable(
	'retention_notices',
	{
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		noticeDate: date('notice_date').notNull(),
		dueCount: integer('due_count').notNull(),
		claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.organisationId, table.noticeDate] })]
);
