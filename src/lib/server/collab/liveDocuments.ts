import * as Y from 'yjs';
import type { Database } from '../db/client.ts';
import { appendUpdates, loadStoredDoc } from './documentStore.ts';

/**
 * How services outside the collaboration server read and change live documents.
 *
 * The collaboration server in this process registers itself here (server/collab/
 * directDocuments.ts). Reading takes the document it has in memory — ahead of the
 * database by the edits received in the last fraction of a second — or the stored one.
 * Changing goes through the live server (Hocuspocus's direct connection), so that
 * everyone connected sees the change at once, and the update log (with its author), the
 * stored state and the actions projection all record it, exactly as for an edit made in
 * the browser. Without a live server (scripts, some tests) a change is applied to the
 * stored document and appended to the update log with its author.
 *
 * Like liveCollaboration.ts, the registry lives on globalThis under a registered symbol:
 * SvelteKit's bundled copy of this module and the server's own copy must share it.
 */

export interface DocumentEditor {
	id: string;
	name: string;
	email: string;
}

export interface LiveDocumentServer {
	/** The document, if this server has it loaded. Read it; never change it directly. */
	loadedDocument(name: string): Y.Doc | null;
	/** Writes the edits received for the document that are still waiting in the batch. */
	flushUpdateLog(name: string): Promise<void>;
	/** Applies a change, attributed to the editor, and stores it before resolving. */
	change(name: string, editor: DocumentEditor, apply: (doc: Y.Doc) => void): Promise<void>;
}

const REGISTRY_KEY = Symbol.for('coplan.liveDocuments');
type RegistryHolder = { [REGISTRY_KEY]?: Set<LiveDocumentServer> };
const holder = globalThis as RegistryHolder;

function servers(): Set<LiveDocumentServer> {
	holder[REGISTRY_KEY] ??= new Set();
	return holder[REGISTRY_KEY];
}

/** Registers a live server; call the returned function when it stops. */
export function registerLiveDocuments(server: LiveDocumentServer): () => void {
	servers().add(server);
	return () => servers().delete(server);
}

function copyOf(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

/** A private copy of the document as it is now: the live one if loaded, else the stored one. */
export async function readCurrentDocument(db: Database, name: string): Promise<Y.Doc> {
	for (const server of servers()) {
		const loaded = server.loadedDocument(name);
		if (loaded) return copyOf(loaded);
	}
	return loadStoredDoc(db, name);
}

/**
 * Makes the update log hold every edit received so far for the document, for readers of
 * the log (the history): the live server writes edits in batches of up to ~100 ms.
 */
export async function flushLiveUpdates(name: string): Promise<void> {
	await Promise.all([...servers()].map((server) => server.flushUpdateLog(name)));
}

export type ChangeResult =
	| { via: 'live' }
	/** No live server: the caller refreshes anything derived from the document (projections). */
	| { via: 'stored'; doc: Y.Doc };

export async function changeDocument(
	db: Database,
	name: string,
	editor: DocumentEditor,
	apply: (doc: Y.Doc) => void
): Promise<ChangeResult> {
	const [live] = servers();
	if (live) {
		await live.change(name, editor, apply);
		return { via: 'live' };
	}
	const doc = await loadStoredDoc(db, name);
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	apply(doc);
	const receivedAt = new Date();
	await appendUpdates(
		db,
		updates.map((update) => ({ documentName: name, update, userId: editor.id, receivedAt }))
	);
	return { via: 'stored', doc };
}
