import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { users } from './accounts.ts';
import { meetings } from './meetings.ts';

/**
 * Tokens a person makes for a tool (a script, an integration) to open one meeting's live
 * document over the open y-websocket protocol (/yws). A token acts as its owner, never
 * with more than the owner's rights at the moment it is used. Only the SHA-256 of the
 * secret is kept: it is shown once, when made.
 */
export const toolTokens = pgTable(
	'tool_tokens',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** SHA-256 of the secret, hex. */
		tokenHash: text('token_hash').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		/** A read-only token never edits, even when its owner could. */
		readOnly: boolean('read_only').notNull().default(true),
		/** What the owner called it, so they can tell their tokens apart. */
		label: text('label').notNull(),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		/** When a connection last opened with it. */
		lastUsedAt: timestamp('last_used_at', { withTimezone: true })
	},
	(table) => [
		uniqueIndex('tool_tokens_hash_unique').on(table.tokenHash),
		index('tool_tokens_user_idx').on(table.userId, table.createdAt)
	]
);
