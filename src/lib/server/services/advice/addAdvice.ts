import type { Database } from '../../db/client.ts';
import { adviceItems } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { NewAdvice } from './adviceForm.ts';

/** Records a piece of advice in a child's register (the caller has checked child.addAdvice). */
export async function addAdvice(
	db: Database,
	actorId: string,
	childId: string,
	advice: NewAdvice
): Promise<{ id: string }> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(adviceItems)
			.values({
				childId,
				title: advice.title,
				authorName: advice.authorName,
				agency: advice.agency,
				adviceDate: advice.adviceDate,
				reviewBy: advice.reviewBy,
				text: advice.text,
				fileName: advice.file?.name ?? null,
				fileType: advice.file?.mimeType ?? null,
				fileSize: advice.file?.bytes.byteLength ?? null,
				fileData: advice.file?.bytes ?? null,
				addedBy: actorId
			})
			.returning({ id: adviceItems.id });
		if (!row) throw new Error('The advice was not saved.');
		await recordAuditEvent(tx, {
			actorId,
			action: 'advice.added',
			subjectType: 'child',
			subjectId: childId,
			details: { adviceId: row.id, withFile: advice.file !== null }
		});
		return row;
	});
}
