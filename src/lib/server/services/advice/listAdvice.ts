import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { adviceItems, users } from '../../db/schema.ts';
import { adviceFlags, type AdviceFlags } from '../../../shared/domain/adviceFlags.ts';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';

export interface AdviceSummary extends AdviceFlags {
	id: string;
	title: string;
	authorName: string;
	agency: string;
	adviceDate: string;
	reviewBy: string | null;
	text: string;
	file: { name: string; type: string; size: number } | null;
	addedByName: string | null;
	createdAt: Date;
}

/**
 * A child's advice register, newest advice first, each item flagged stale or due for
 * review as of today in the UK. File contents are left in the database: only the
 * download reads them.
 */
export async function listAdvice(
	db: Database,
	childId: string,
	now = new Date()
): Promise<AdviceSummary[]> {
	const rows = await db
		.select({
			id: adviceItems.id,
			title: adviceItems.title,
			authorName: adviceItems.authorName,
			agency: adviceItems.agency,
			adviceDate: adviceItems.adviceDate,
			reviewBy: adviceItems.reviewBy,
			text: adviceItems.text,
			fileName: adviceItems.fileName,
			fileType: adviceItems.fileType,
			fileSize: adviceItems.fileSize,
			addedByName: users.name,
			createdAt: adviceItems.createdAt
		})
		.from(adviceItems)
		.leftJoin(users, eq(users.id, adviceItems.addedBy))
		.where(and(eq(adviceItems.childId, childId), isNull(adviceItems.deletedAt)))
		.orderBy(desc(adviceItems.adviceDate), desc(adviceItems.createdAt));
	const today = ukDateOf(now);
	return rows.map(({ fileName, fileType, fileSize, ...item }) => ({
		...item,
		...adviceFlags(item, today),
		file:
			fileName && fileType && fileSize !== null
				? { name: fileName, type: fileType, size: fileSize }
				: null
	}));
}
