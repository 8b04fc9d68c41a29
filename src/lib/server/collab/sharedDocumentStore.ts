import * as Y from 'yjs';
import type { Database } from '../db/client.ts';
import {
	applyStoredDocument,
	appendUpdates,
	lockDocumentForCompaction,
	readStoredDocument,
	writeState
} from './documentStore.ts';

/**
 * Storage steps for a document that several servers hold at once (Redis scale-out).
 * Each reads the document from the database, never from one server's copy: a server's
 * copy may lack rows another server wrote (a Redis message lost), or hold edits nobody
 * wrote yet (relayed to it by a server that then died).
 */

type Clocks = Map<number, number>;

export interface SharedStoreResult {
	/** The seq of the row logged for what the database lacked, if anything was. */
	loggedSeq: number | null;
	/** What the database holds of the document now, as a state vector. */
	stored: Clocks;
}

/**
 * Logs, unattributed, whatever of `relayed` (edits that reached this server from another)
 * the database does not hold, and optionally rewrites the state from the database's own
 * rows. One transaction under the document's lock, so that no insert is half done while
 * it reads and no row is logged twice by two servers settling the same edits.
 */
export async function settleSharedDocument(
	db: Database,
	documentName: string,
	{ relayed, compact }: { relayed: Uint8Array | null; compact: boolean }
): Promise<SharedStoreResult> {
	return db.transaction(async (tx) => {
		await lockDocumentForCompaction(tx, documentName);
		const stored = await readStoredDocument(tx, documentName);
		const doc = new Y.Doc();
		try {
			applyStoredDocument(doc, stored);
			const missing = relayed ? missingFrom(doc, relayed) : null;
			const loggedSeq = missing
				? await appendUpdates(tx, [
						{ documentName, update: missing, userId: null, receivedAt: new Date() }
					])
				: null;
			const lastSeq = Math.max(loggedSeq ?? 0, stored.pending.at(-1)?.seq ?? 0);
			if (compact && lastSeq > stored.compactedSeq) {
				await writeState(tx, documentName, Y.encodeStateAsUpdate(doc), lastSeq);
			}
			return { loggedSeq, stored: Y.decodeStateVector(Y.encodeStateVector(doc)) };
		} finally {
			doc.destroy();
		}
	});
}

/**
 * Applies `update` to `doc` and returns what that changed (null when nothing: the
 * database held it all, deletions included). When part of it cannot be placed (it
 * depends on something the database lacks), the whole update is returned: logging an
 * edit twice is harmless, losing one is not.
 */
function missingFrom(doc: Y.Doc, update: Uint8Array): Uint8Array | null {
	const changes: Uint8Array[] = [];
	const collect = (change: Uint8Array) => changes.push(change);
	doc.on('update', collect);
	try {
		Y.applyUpdate(doc, update);
	} finally {
		doc.off('update', collect);
	}
	if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return update;
	if (changes.length <= 1) return changes[0] ?? null;
	return Y.mergeUpdates(changes);
}
