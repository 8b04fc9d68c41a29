import {
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { ChildVoiceAnswer } from '../../../shared/collab/meetingDoc/childVoice.ts';
import { users } from './accounts.ts';
import { bytea, createdAt } from './columns.ts';
import { meetings } from './meetings.ts';

/**
 * Links that let a child or young person give their views before one meeting, with no
 * account: a coordinator or the child's parent or carer makes one and opens it for them.
 * Only the SHA-256 of the secret is kept (as for tool tokens); the secret is shown once.
 * A link writes only the child's views of its meeting and expires at the meeting's start
 * or after 14 days, whichever comes first.
 */
export const childVoiceLinks = pgTable(
	'child_voice_links',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** SHA-256 of the secret, hex. */
		tokenHash: text('token_hash').notNull(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		/** Who made it: the child's words are written into the meeting on their behalf. */
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true })
	},
	(table) => [
		uniqueIndex('child_voice_links_hash_unique').on(table.tokenHash),
		index('child_voice_links_meeting_idx').on(table.meetingId, table.createdAt)
	]
);

/**
 * What the child sent through a link: one row per link, replaced when they send again
 * before the link ends. The drawing or photo is kept here, never in the live document.
 */
export const childVoiceSubmissions = pgTable(
	'child_voice_submissions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		linkId: uuid('link_id')
			.notNull()
			.references(() => childVoiceLinks.id, { onDelete: 'cascade' }),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		answers: jsonb('answers').$type<ChildVoiceAnswer[]>().notNull(),
		/** "on my own" or who helped, in the child's words. */
		helpedBy: text('helped_by').notNull().default(''),
		pictureType: text('picture_type'),
		pictureSize: integer('picture_size'),
		pictureData: bytea('picture_data'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('child_voice_submissions_link_unique').on(table.linkId),
		index('child_voice_submissions_meeting_idx').on(table.meetingId)
	]
);
