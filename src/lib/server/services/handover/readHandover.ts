import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { handovers } from '../../db/schema.ts';
import type { RestrictedNoteMinutes } from '../../minutes/minutesTypes.ts';
import { can, type Actor } from '../../policy.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { ChildResource } from '../children/childResource.ts';
import { isUuid } from '../children/findChild.ts';
import { HANDOVER_PACK_FORMAT, type HandoverPack } from './handoverPack.ts';

/** Reading handovers: the list on the child's page, one pack, and the SENCo's arrival. */

export interface HandoverSummary {
	id: string;
	settingName: string;
	sencoName: string;
	createdByName: string;
	createdAt: Date;
	acceptedAt: Date | null;
}

export async function listHandovers(db: Database, childId: string): Promise<HandoverSummary[]> {
	return db
		.select({
			id: handovers.id,
			settingName: handovers.settingName,
			sencoName: handovers.sencoName,
			createdByName: handovers.createdByName,
			createdAt: handovers.createdAt,
			acceptedAt: handovers.acceptedAt
		})
		.from(handovers)
		.where(eq(handovers.childId, childId))
		.orderBy(desc(handovers.createdAt));
}

export interface HandoverRecord extends HandoverSummary {
	pack: HandoverPack;
	/**
	 * Restricted notes deliberately included, or null when this reader may not see them:
	 * then they are not even loaded into what the page or PDF is made from.
	 */
	restricted: { notes: RestrictedNoteMinutes[]; includedByName: string | null } | null;
	/** How many restricted notes were included, which everyone may know. */
	restrictedCount: number;
}

/**
 * The included notes are for the receiving SENCo, to whom they were deliberately given,
 * and for professionals who may read the child's restricted notes anyway. Never anyone
 * else in the team, and never the family.
 */
export function mayReadIncludedNotes(
	actor: Actor,
	resource: ChildResource,
	row: { acceptedBy: string | null }
): boolean {
	return row.acceptedBy === actor.id || can(actor, 'child.viewRestricted', resource);
}

export async function loadHandover(
	db: Database,
	actor: Actor,
	resource: ChildResource,
	handoverId: string
): Promise<HandoverRecord | null> {
	if (!isUuid(handoverId)) return null;
	const [row] = await db
		.select()
		.from(handovers)
		.where(and(eq(handovers.id, handoverId), eq(handovers.childId, resource.childId)));
	if (!row) return null;
	const pack = row.pack as HandoverPack;
	if (pack.formatVersion !== HANDOVER_PACK_FORMAT) return null;
	const notes = row.restrictedNotes as RestrictedNoteMinutes[];
	return {
		id: row.id,
		settingName: row.settingName,
		sencoName: row.sencoName,
		createdByName: row.createdByName,
		createdAt: row.createdAt,
		acceptedAt: row.acceptedAt,
		pack,
		restrictedCount: notes.length,
		restricted: mayReadIncludedNotes(actor, resource, row)
			? { notes, includedByName: row.restrictedIncludedByName }
			: null
	};
}

/**
 * When the receiving SENCo accepts the invitation: marks the handover accepted (once) and
 * audits it. Returns where they should land, or null for an invitation that is no handover.
 */
export async function acceptHandoverOfInvitation(
	db: Database,
	invitationId: string,
	userId: string,
	now = new Date()
): Promise<{ childId: string; handoverId: string } | null> {
	const [row] = await db
		.select({ id: handovers.id, childId: handovers.childId })
		.from(handovers)
		.where(eq(handovers.invitationId, invitationId));
	if (!row) return null;
	await db.transaction(async (tx) => {
		const [marked] = await tx
			.update(handovers)
			.set({ acceptedAt: now, acceptedBy: userId })
			.where(and(eq(handovers.id, row.id), isNull(handovers.acceptedAt)))
			.returning({ id: handovers.id });
		if (!marked) return;
		await recordAuditEvent(tx, {
			actorId: userId,
			action: 'handover.accepted',
			subjectType: 'child',
			subjectId: row.childId,
			details: { handoverId: row.id, invitationId }
		});
	});
	return { childId: row.childId, handoverId: row.id };
}
