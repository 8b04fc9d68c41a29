import {
	bigint,
	boolean,
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
import type { MemberRole } from '../../../shared/domain/roles.ts';
import { bytea, createdAt } from './columns.ts';

/** Organisations, people and signing in: accounts, sessions, emailed links, rate limits, the audit trail. */

export const organisations = pgTable('organisations', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	/** school, nursery, local authority team, health service, social care service … */
	kind: text('kind').notNull(),
	/** When set, every professional member must use two-factor authentication. */
	requireTwoFactor: boolean('require_two_factor').notNull().default(false),
	/**
	 * How long a child's record is kept: until this many years after the child's date of
	 * birth (31 is the usual rule for school SEN files), then listed for deletion.
	 */
	retentionYears: integer('retention_years').notNull().default(31),
	createdAt: createdAt()
});

export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Stored lower-cased so that sign-in is case-insensitive. */
		email: text('email').notNull(),
		name: text('name').notNull(),
		/** argon2id hash; null for people who sign in by emailed link only. */
		passwordHash: text('password_hash'),
		/** TOTP secret (RFC 6238); set only once enrolment has been confirmed with a code. */
		totpKey: bytea('totp_key'),
		/** Secret awaiting confirmation during two-factor enrolment. */
		pendingTotpKey: bytea('pending_totp_key'),
		/** The last TOTP time step a code was accepted for: each code works once. */
		totpLastStep: bigint('totp_last_step', { mode: 'number' }),
		/** Opt-out of the daily email digest of due actions. */
		remindersOptOut: boolean('reminders_opt_out').notNull().default(false),
		createdAt: createdAt()
	},
	(table) => [uniqueIndex('users_email_unique').on(table.email)]
);

/** Single-use two-factor recovery codes, stored as SHA-256 hashes. */
export const recoveryCodes = pgTable(
	'recovery_codes',
	{
		codeHash: text('code_hash').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(table) => [index('recovery_codes_user_idx').on(table.userId)]
);

export const memberships = pgTable(
	'memberships',
	{
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role').$type<MemberRole>().notNull(),
		createdAt: createdAt()
	},
	(table) => [primaryKey({ columns: [table.organisationId, table.userId] })]
);

export const sessions = pgTable(
	'sessions',
	{
		/** SHA-256 of the session token, hex: the token itself is never stored. */
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		userAgent: text('user_agent'),
		/** False between a correct password and a correct second factor (Lucia's 2FA design). */
		twoFactorVerified: boolean('two_factor_verified').notNull().default(false),
		createdAt: createdAt()
	},
	(table) => [index('sessions_user_idx').on(table.userId)]
);

export const EMAIL_TOKEN_PURPOSES = ['sign_in', 'password_reset'] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

/** Emailed single-use links (sign-in, password reset); only the token's SHA-256 is kept. */
export const emailTokens = pgTable(
	'email_tokens',
	{
		tokenHash: text('token_hash').primaryKey(),
		purpose: text('purpose').$type<EmailTokenPurpose>().notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(table) => [index('email_tokens_user_idx').on(table.userId)]
);

/** One row per counted event (e.g. a failed sign-in) for sliding-window rate limits. */
export const rateLimitEvents = pgTable(
	'rate_limit_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** e.g. "sign-in:account:sam@example.org" or "sign-in:ip:203.0.113.9" */
		key: text('key').notNull(),
		occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('rate_limit_events_key_idx').on(table.key, table.occurredAt)]
);

/** Mail sent without SMTP_URL (development and tests), shown at /dev/outbox. */
export const devOutbox = pgTable('dev_outbox', {
	id: uuid('id').primaryKey().defaultRandom(),
	to: text('to').notNull(),
	subject: text('subject').notNull(),
	text: text('text').notNull(),
	/** iCalendar attachment, when the mail carries one. */
	calendar: text('calendar'),
	createdAt: createdAt()
});

/**
 * Who did what, when: every change to casework and every read of a child's record is
 * attributable. The child and organisation are copied in (not foreign keys) so that the
 * trail outlives a record deleted under the retention rule, and the admins' view can
 * filter on them.
 */
export const auditEvents = pgTable(
	'audit_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
		/** e.g. "child.deleted", "invitation.revoked", "meeting.reopened" */
		action: text('action').notNull(),
		subjectType: text('subject_type').notNull(),
		subjectId: text('subject_id').notNull(),
		/** The child the event is about, when it is about one. */
		childId: uuid('child_id'),
		/** The organisation whose admins may read the event; null for a person's own account. */
		organisationId: uuid('organisation_id'),
		/** The address the request came from, when there was a request. */
		ip: text('ip'),
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
		occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('audit_events_subject_idx').on(table.subjectType, table.subjectId),
		index('audit_events_organisation_idx').on(table.organisationId, table.occurredAt),
		index('audit_events_child_idx').on(table.childId, table.occurredAt),
		index('audit_events_actor_idx').on(table.actorId, table.occurredAt)
	]
);
