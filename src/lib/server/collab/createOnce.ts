import * as Y from 'yjs';
import type { Database } from '../db/client.ts';
import {
	appendUpdates,
	applyStoredDocument,
	lockDocumentForCompaction,
	readStoredDocument
} from './documentStore.ts';

/**
 * The origin of content applied to a loaded document that the database already holds
 * (createDocumentOnce): not logged again, and counted as stored.
 */
export const ALREADY_STORED = { source: 'local', skipStoreHooks: true, context: { user: null } };

/**
 * A new document's first content, made once however many servers load the document at
 * the same moment: under the document's lock, the first server to get there makes it and
 * logs it in the same transaction; the others find it logged and take it from there.
 * Without this, two servers each creating a new meeting would give it every agenda item
 * twice. Returns the content to apply (with ALREADY_STORED) and whether it was made here.
 */
export async function createDocumentOnce(
	db: Database,
	documentName: string,
	create: (doc: Y.Doc) => void
): Promise<{ update: Uint8Array; created: boolean }> {
	return db.transaction(async (tx) => {
		await lockDocumentForCompaction(tx, documentName);
		const stored = await readStoredDocument(tx, documentName);
		const doc = new Y.Doc();
		try {
			if (stored.state || stored.pending.length > 0) {
				applyStoredDocument(doc, stored);
				return { update: Y.encodeStateAsUpdate(doc), created: false };
			}
			create(doc);
			const update = Y.encodeStateAsUpdate(doc);
			await appendUpdates(tx, [{ documentName, update, userId: null, receivedAt: new Date() }]);
			return { update, created: true };
		} finally {
			doc.destroy();
		}
	});
}
