import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { adviceItems } from '../../db/schema.ts';
import { isUuid } from '../children/findChild.ts';

export interface StoredAdviceFile {
	name: string;
	mimeType: string;
	bytes: Uint8Array;
}

/** The file attached to one advice item of one child, or null (wrong child, none, deleted). */
export async function findAdviceFile(
	db: Database,
	childId: string,
	adviceId: string
): Promise<StoredAdviceFile | null> {
	if (!isUuid(adviceId)) return null;
	const [row] = await db
		.select({
			name: adviceItems.fileName,
			mimeType: adviceItems.fileType,
			bytes: adviceItems.fileData
		})
		.from(adviceItems)
		.where(
			and(
				eq(adviceItems.id, adviceId),
				eq(adviceItems.childId, childId),
				isNull(adviceItems.deletedAt),
				isNotNull(adviceItems.fileData)
			)
		);
	if (!row?.name || !row.mimeType || !row.bytes) return null;
	return { name: row.name, mimeType: row.mimeType, bytes: row.bytes };
}

/** RFC 6266: an ASCII fallback name, and the real name encoded for browsers that read it. */
export function attachmentDisposition(name: string): string {
	const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
