import * as Y from 'yjs';
import type { Database } from '../db/client.ts';
import { appendUpdates, documentExists, loadStoredDoc } from './documentStore.ts';

/**
 * How services reach the meeting documents and the people connected to them.
 *
 * Services receive this as an object (from `event.locals.live` in routes, or as a
 * parameter), never from a global. Two implementations:
 * - the live collaboration server's (createCollabServer.ts): reading takes the document
 *   it has in memory, ahead of the database by the edits of the last fraction of a
 *   second; changing goes through Hocuspocus's direct connection, so everyone connected
 *   sees the change at once, and the update log (with its author), the stored state and
 *   the actions projection record it as for an edit made in the browser; access changes
 *   are applied to every open connection at once.
 * - `storedDocuments(db)`, for a process without a collaboration server (scripts, tests
 *   of services): reads and changes the stored document and appends the change to the
 *   update log with its author; there is nobody connected to tell about access changes.
 */
export interface DocumentEditor {
	id: string;
	name: string;
	email: string;
}

export type ChangeResult =
	| { via: 'live' }
	/** No live server: the caller refreshes anything derived from the document (projections). */
	| { via: 'stored'; doc: Y.Doc };

export interface LiveDocuments {
	/** A private copy of the document as it is now: changing it changes nothing shared. */
	read(name: string): Promise<Y.Doc>;
	/** Whether the document exists yet (someone has opened it, so it has been created). */
	exists(name: string): Promise<boolean>;
	/**
	 * Makes the update log hold every edit received so far for the document, for readers
	 * of the log (the history): the live server writes edits in short batches.
	 */
	flush(name: string): Promise<void>;
	/** Applies a change attributed to the editor, and stores it before resolving. */
	change(name: string, editor: DocumentEditor, apply: (doc: Y.Doc) => void): Promise<ChangeResult>;
	/** Re-applies the access policy to every live connection to the meeting's documents. */
	meetingAccessChanged(meetingId: string): Promise<void>;
	/**
	 * The same for every live document of one child (after a change to the child's team):
	 * someone no longer in the team is disconnected from them at once.
	 */
	childAccessChanged(childId: string): Promise<void>;
	/** The same for every live document one person has open (their role or membership changed). */
	userAccessChanged(userId: string): Promise<void>;
	/**
	 * Before documents are deleted for good: closes every connection to them, writes what
	 * was received and then never stores them again, so the deletion is not undone.
	 */
	erase(names: string[]): Promise<void>;
	/** Saving is paused because the database is failing: live editing waits meanwhile. */
	savingPaused(): boolean;
	/**
	 * Some sessions have just ended (signed out, other devices signed out, password
	 * changed or reset) or tool tokens been revoked: close their websockets now rather
	 * than at the next check.
	 */
	sessionsEnded(): Promise<void>;
}

/** Documents as stored, for a process in which no collaboration server runs. */
export function storedDocuments(db: Database): LiveDocuments {
	return {
		read: (name) => loadStoredDoc(db, name),
		exists: (name) => documentExists(db, name),
		flush: async () => {},
		async change(name, editor, apply) {
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
		},
		meetingAccessChanged: async () => {},
		childAccessChanged: async () => {},
		userAccessChanged: async () => {},
		erase: async () => {},
		savingPaused: () => false,
		sessionsEnded: async () => {}
	};
}

/** A private copy of a live document, so that readers can never change the shared one. */
export function copyOfDocument(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}
