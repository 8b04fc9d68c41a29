import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { children } from '../../db/schema.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';

/**
 * Soft-deletes a child's record (the caller has checked child.delete): it disappears from
 * every list and its pages answer 404, but nothing is erased, so that the organisation's
 * retention rules still apply. Returns false when the child was already deleted.
 */
export async function deleteChild(
	db: Database,
	live: LiveDocuments,
	actorId: string,
	childId: string,
	now = new Date()
): Promise<boolean> {
	const deleted = await db.transaction(async (tx) => {
		const deleted = await tx
			.update(children)
			.set({ deletedAt: now })
			.where(and(eq(children.id, childId), isNull(children.deletedAt)))
			.returning({ id: children.id, organisationId: children.organisationId });
		const [row] = deleted;
		if (!row) return false;
		await recordAuditEvent(tx, {
			actorId,
			action: 'child.deleted',
			subjectType: 'child',
			subjectId: childId,
			details: { organisationId: row.organisationId }
		});
		return true;
	});
	// Live meetings of a deleted child close for everyone.
	if (deleted) await live.childAccessChanged(childId);
	return deleted;
}
