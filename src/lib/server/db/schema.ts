import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	boolean,
	customType,
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

/** Raw bytes (Yjs state); drizzle-orm 0.45 has no built-in bytea column. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	/** school, nursery, local authority team, health service, social care service … */
	kind: text('kind').notNull(),
	/** When set, every professional member must use two-factor authentication. */
	requireTwoFactor: boolean('require_two_factor').notNull().default(false),
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

export const MEMBER_ROLES = ['admin', 'coordinator', 'professional'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

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

/** Who did what, when: every change to casework is attributable. */
export const auditEvents = pgTable(
	'audit_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
		/** e.g. "child.deleted", "invitation.revoked", "meeting.reopened" */
		action: text('action').notNull(),
		subjectType: text('subject_type').notNull(),
		subjectId: text('subject_id').notNull(),
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
		occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('audit_events_subject_idx').on(table.subjectType, table.subjectId)]
);

export const PLAN_TYPES = ['ehcp', 'sen_support', 'early_help'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

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
	yearGroup: text('year_group'),
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

export const MEETING_TYPES = [
	'ehcp_annual_review',
	'ehcp_interim_review',
	'phase_transfer_review',
	'taf_review',
	'sen_support_review'
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export interface AgendaItem {
	id: string;
	title: string;
}

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

export const RSVP_RESPONSES = [
	'pending',
	'attending',
	'attending_online',
	'cannot_attend'
] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

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

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

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
		/** The outcome's id inside the meeting document. */
		id: text('id').primaryKey(),
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
		index('outcomes_child_idx').on(table.childId),
		index('outcomes_meeting_idx').on(table.meetingId)
	]
);

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
 * kept after compaction, so the document can be replayed to any moment.
 */
export const documentUpdates = pgTable(
	'document_updates',
	{
		seq: bigserial('seq', { mode: 'number' }).primaryKey(),
		documentName: text('document_name').notNull(),
		update: bytea('update').notNull(),
		/** Who sent it; null for changes the server made (creation from casework, migrations). */
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		receivedAt: timestamp('received_at', { withTimezone: true }).notNull()
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
