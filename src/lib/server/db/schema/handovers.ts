import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { children, invitations } from './children.ts';
import { createdAt } from './columns.ts';
import { consents } from './records.ts';

/**
 * A handover of a child to a new setting (nursery to school, primary to secondary, a new
 * school): the pack as it was shared, the family's consent that allowed it, the receiving
 * special educational needs coordinator (SENCo) and their invitation. The pack is a
 * snapshot taken when the handover is made, because what an audit needs to answer is
 * "what exactly did we share, and on whose say-so", not what the record says today.
 */
export const handovers = pgTable(
	'handovers',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		childId: uuid('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		/** The receiving setting, as the family's consent names it (and the SENCo's agency). */
		settingName: text('setting_name').notNull(),
		sencoName: text('senco_name').notNull(),
		/** Normalised (trimmed, lower case), as the invitation holds it. */
		sencoEmail: text('senco_email').notNull(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdByName: text('created_by_name').notNull(),
		/** The family's recorded consent that covers sharing with the receiving setting. */
		consentId: uuid('consent_id')
			.notNull()
			.references(() => consents.id, { onDelete: 'cascade' }),
		invitationId: uuid('invitation_id').references(() => invitations.id, {
			onDelete: 'set null'
		}),
		/** The pack (see services/handover/handoverPack.ts): never holds restricted notes. */
		pack: jsonb('pack').notNull(),
		/**
		 * Restricted notes deliberately included, kept apart from the pack like the minutes'
		 * restricted content, so nothing can show them by accident. Empty when none were.
		 */
		restrictedNotes: jsonb('restricted_notes').notNull().default([]),
		/** Who chose to include restricted notes (a professional allowed to read them). */
		restrictedIncludedBy: uuid('restricted_included_by').references(() => users.id, {
			onDelete: 'set null'
		}),
		restrictedIncludedByName: text('restricted_included_by_name'),
		createdAt: createdAt(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [
		index('handovers_child_idx').on(table.childId),
		index('handovers_invitation_idx').on(table.invitationId)
	]
);
