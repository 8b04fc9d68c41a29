import {
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
import type { PlanType } from '../../../shared/domain/planTypes.ts';
import type { MemberRole } from '../../../shared/domain/roles.ts';
import { organisations, users } from './accounts.ts';

/** Children, their teams, invitations (to a team or an organisation) and advice registers. */

export const children = pgTable('children', {
	id: uuid('id').primaryKey().defaultRandom(),
	organisationId: uuid('organisation_id')
		.notNull()
		.references(() => organisations.id),
	firstName: text('first_name').notNull(),
	lastName: text('last_name').notNull(),
	preferredName: text('preferred_name'),
	dateOfBirth: date('date_of_birth').notNull(),
	setting: text('setting').notNull(),
	/**
	 * The child's cohort: the calendar year in whose September they start (or started)
	 * Reception, so their year group moves on by itself (shared/domain/yearGroups.ts).
	 */
	receptionYear: integer('reception_year'),
	planType: text('plan_type').$type<PlanType>().notNull(),
	/** Codes of the four broad areas of need (see shared/domain). */
	areasOfNeed: jsonb('areas_of_need').$type<string[]>().notNull().default([]),
	strengths: text('strengths').notNull().default(''),
	createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: createdAt(),
	deletedAt: timestamp('deleted_at', { withTimezone: true })
});

export const teamMembers = pgTable(
	'team_members',
	{
		childId: uuid('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** A team role from DOMAIN.md: parent_carer, senco, salt, … */
		teamRole: text('team_role').notNull(),
		agency: text('agency').notNull(),
		createdAt: createdAt()
	},
	(table) => [
		primaryKey({ columns: [table.childId, table.userId] }),
		index('team_members_user_idx').on(table.userId)
	]
);

/** Invitation to one child's team; the emailed token is kept only as its SHA-256. */
export const invitations = pgTable(
	'invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		tokenHash: text('token_hash').notNull(),
		childId: uuid('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		name: text('name').notNull(),
		teamRole: text('team_role').notNull(),
		agency: text('agency').notNull(),
		invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull().defaultNow(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(table) => [
		uniqueIndex('invitations_token_unique').on(table.tokenHash),
		index('invitations_child_idx').on(table.childId)
	]
);

/**
 * Invitation to join an organisation as a member (staff, not families); like team
 * invitations, the emailed token is kept only as its SHA-256.
 */
export const organisationInvitations = pgTable(
	'organisation_invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		tokenHash: text('token_hash').notNull(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		name: text('name').notNull(),
		role: text('role').$type<MemberRole>().notNull(),
		invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull().defaultNow(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(table) => [
		uniqueIndex('organisation_invitations_token_unique').on(table.tokenHash),
		index('organisation_invitations_organisation_idx').on(table.organisationId)
	]
);

/** Professional advice and reports about a child, each with author, date and review-by date. */
export const adviceItems = pgTable(
	'advice_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		childId: uuid('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		authorName: text('author_name').notNull(),
		agency: text('agency').notNull(),
		adviceDate: date('advice_date').notNull(),
		reviewBy: date('review_by'),
		text: text('text').notNull().default(''),
		fileName: text('file_name'),
		fileType: text('file_type'),
		fileSize: integer('file_size'),
		fileData: bytea('file_data'),
		addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(table) => [index('advice_items_child_idx').on(table.childId)]
);
