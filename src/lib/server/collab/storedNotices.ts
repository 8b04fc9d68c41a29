import type { Connection, Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { encodeStoredNotice } from '../../shared/collab/savingNotices.ts';
import { advanceContiguous } from './updateClocks.ts';

type Clocks = Map<number, number>;

/** What one write of a document's log rows covers (see UpdateLog's coverage). */
export interface BatchCoverage {
	/** What was logged of the document as the rows were taken (`logged` below). */
	clocks: Clocks;
	/** The number of connections' edits the document had taken by then (see `edits`). */
	editsUpTo: number;
}

/** Which connections sent edits that no StoredNotice has yet told them are stored. */
interface EditsAwaitingNotice {
	/** Edits from connections the document has taken, counted from its loading. */
	count: number;
	/** Each such connection, with the count as of its latest edit. */
	latest: Map<Connection, number>;
}

interface DocumentClocks {
	/** What of the document is in the database, as a state vector. */
	stored: Clocks;
	/**
	 * What is in the database or in this server's log batches: loaded content, then each
	 * update this server logs, client by client as long as the clocks run on without a gap.
	 * Edits relayed from another server (Redis) are not counted: their sender logs them, or
	 * they are settled later.
	 */
	logged: Clocks;
	edits: EditsAwaitingNotice;
}

/**
 * "Saved" as each page hears it: what each loaded document has stored, and the
 * StoredNotices that tell connections so.
 *
 * - When a batch is committed, each connection whose edits it holds is told which edits
 *   are now stored (the clocks the batch covers). Others need no notice: a page counts
 *   content that came from the server as saved, and with one typist among many readers,
 *   notices to everyone were as many frames as the edits themselves.
 * - A connection that has just opened gets the whole stored state vector.
 * - With several servers, settling relayed edits may show more stored: everyone hears it.
 */
export class StoredNotices {
	private readonly documents = new Map<string, DocumentClocks>();

	/** The document was loaded from the database: all it holds is stored. */
	loaded(documentName: string, document: Y.Doc): void {
		this.documents.set(documentName, {
			stored: Y.decodeStateVector(Y.encodeStateVector(document)),
			logged: Y.decodeStateVector(Y.encodeStateVector(document)),
			edits: { count: 0, latest: new Map() }
		});
	}

	forget(documentName: string): void {
		this.documents.delete(documentName);
	}

	/** An update this server is about to log, from `connection` when a person made it. */
	logging(documentName: string, update: Uint8Array, connection: Connection | null): void {
		const clocks = this.documents.get(documentName);
		if (!clocks) return;
		advanceContiguous(clocks.logged, update);
		if (connection) {
			clocks.edits.count += 1;
			clocks.edits.latest.set(connection, clocks.edits.count);
		}
	}

	/** Content applied from the database itself (createOnce.ts): stored already. */
	alreadyStored(documentName: string, update: Uint8Array): void {
		const clocks = this.documents.get(documentName);
		if (!clocks) return;
		advanceContiguous(clocks.logged, update);
		advanceContiguous(clocks.stored, update);
	}

	/** Taken with each batch of log rows, handed back when it is committed. */
	coverage(documentName: string): BatchCoverage | null {
		const clocks = this.documents.get(documentName);
		if (!clocks) return null;
		return { clocks: new Map(clocks.logged), editsUpTo: clocks.edits.count };
	}

	/** A batch is in the database: each connection whose edits are all in it hears so. */
	committed(document: Document, coverage: BatchCoverage | null): void {
		const clocks = this.documents.get(document.name);
		if (!clocks) return;
		const changed = raise(clocks.stored, coverage?.clocks ?? new Map());
		const notice = changed.size > 0 ? encodeStoredNotice(changed, false) : null;
		const editsUpTo = coverage?.editsUpTo ?? 0;
		for (const [connection, latest] of clocks.edits.latest) {
			// Edits taken after this batch are in a later one, which will tell it.
			if (latest > editsUpTo) continue;
			clocks.edits.latest.delete(connection);
			if (notice && document.hasConnection(connection)) connection.sendStateless(notice);
		}
	}

	/**
	 * Relayed edits were settled: the database holds `stored`. Every connection hears what
	 * that adds to what it was told, since it may include its own edits made through
	 * another server.
	 */
	settled(document: Document, stored: Clocks): void {
		const clocks = this.documents.get(document.name);
		if (!clocks) return;
		raise(clocks.logged, stored);
		const changed = raise(clocks.stored, stored);
		if (changed.size === 0) return;
		const notice = encodeStoredNotice(changed, false);
		for (const connection of document.getConnections()) connection.sendStateless(notice);
	}

	/** A new connection learns everything stored so far. */
	welcome(documentName: string, connection: Connection): void {
		const clocks = this.documents.get(documentName);
		if (clocks) connection.sendStateless(encodeStoredNotice(clocks.stored, true));
	}
}

/** Raises each clock of `clocks` to `to`'s where that is higher; returns those raised. */
function raise(clocks: Clocks, to: Clocks): Clocks {
	const changed: Clocks = new Map();
	for (const [client, clock] of to) {
		if (clock > (clocks.get(client) ?? 0)) {
			clocks.set(client, clock);
			changed.set(client, clock);
		}
	}
	return changed;
}
