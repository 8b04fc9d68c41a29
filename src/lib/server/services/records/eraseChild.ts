import { and, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
	adviceItems,
	children,
	documentUpdates,
	documents,
	meetings,
	minutesVersions
} from '../../db/schema.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import {
	meetingDocumentName,
	restrictedDocumentName
} from '../../../shared/collab/documentName.ts';
import type { CalendarDate } from '../../../shared/domain/ukCalendar.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { isUuid } from '../children/findChild.ts';
import { recordsDueForDeletion } from './retention.ts';

export interface ErasedRecord {
	meetings: number;
	minutesVersions: number;
	adviceFiles: number;
	documentUpdates: number;
}

export type EraseResult =
	{ ok: true; erased: ErasedRecord } | { ok: false; reason: 'notFound' | 'notDue' };

/**
 * Deletes a child's record for good, on an admin's confirmation (the caller has checked
 * organisation.manageRecords): the record, its team and invitations, consents, advice and
 * their files, meetings with their minutes, actions and outcomes, and the live documents
 * with every row of their update log. Only a record the retention rule has reached may
 * go. The audit trail keeps its entries (they hold ids, not health or care detail) and
 * gains one saying who deleted what, and how much.
 */
export async function eraseChild(
	context: { db: Database; live: LiveDocuments },
	input: { actorId: string; organisationId: string; childId: string; today: CalendarDate }
): Promise<EraseResult> {
	const { db, live } = context;
	const due = (await recordsDueForDeletion(db, input.organisationId, input.today)).find(
		(record) => record.childId === input.childId
	);
	if (!due) {
		if (!isUuid(input.childId)) {
			return { ok: false, reason: 'notFound' };
		}
		const [exists] = await db
			.select({ id: children.id })
			.from(children)
			.where(
				and(eq(children.id, input.childId), eq(children.organisationId, input.organisationId))
			);
		return { ok: false, reason: exists ? 'notDue' : 'notFound' };
	}
	// Nobody opens the record again while it is being deleted: out of every list, every
	// live connection closed, nothing more written to its documents.
	await db
		.update(children)
		.set({ deletedAt: new Date() })
		.where(and(eq(children.id, input.childId), isNull(children.deletedAt)));
	await live.childAccessChanged(input.childId);
	const meetingIds = (
		await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.childId, input.childId))
	).map((row) => row.id);
	const names = meetingIds.flatMap((id) => [meetingDocumentName(id), restrictedDocumentName(id)]);
	await live.erase(names);

	const erased = await db.transaction(async (tx) => {
		const [minutes] = meetingIds.length
			? await tx
					.select({ n: count() })
					.from(minutesVersions)
					.where(inArray(minutesVersions.meetingId, meetingIds))
			: [{ n: 0 }];
		const [files] = await tx
			.select({ n: count() })
			.from(adviceItems)
			.where(and(eq(adviceItems.childId, input.childId), isNotNull(adviceItems.fileName)));
		const updates = names.length
			? await tx
					.delete(documentUpdates)
					.where(inArray(documentUpdates.documentName, names))
					.returning({ seq: documentUpdates.seq })
			: [];
		if (names.length) await tx.delete(documents).where(inArray(documents.name, names));
		await tx.delete(children).where(eq(children.id, input.childId));
		const summary: ErasedRecord = {
			meetings: meetingIds.length,
			minutesVersions: Number(minutes?.n ?? 0),
			adviceFiles: Number(files?.n ?? 0),
			documentUpdates: updates.length
		};
		await recordAuditEvent(tx, {
			actorId: input.actorId,
			action: 'child.erased',
			subjectType: 'child',
			subjectId: input.childId,
			childId: input.childId,
			organisationId: input.organisationId,
			details: { reason: 'retention', dueSince: due.dueSince, ...summary }
		});
		return summary;
	});
	return { ok: true, erased };
}
