import type { Hocuspocus } from '@hocuspocus/server';
import type { LiveDocumentServer } from '../../src/lib/server/collab/liveDocuments.ts';
import type { CollabContext } from './context.ts';

/**
 * The live server's side of liveDocuments.ts: documents it has loaded, and changes made
 * through Hocuspocus's direct connection. A direct connection loads the document if it
 * is not loaded (running the load hooks: creation from casework, migration), applies the
 * change with the editor as its context — so the update log records them as its author
 * — broadcasts it to everyone connected and, on disconnecting, stores the document and
 * refreshes its projection. Direct connections are the server's own: the read-only rule
 * for closed meetings applies to people's connections, not to follow-through the
 * services decide on.
 */
export function directDocuments(
	hocuspocus: Hocuspocus<CollabContext>,
	flushUpdateLog: (name: string) => Promise<void>
): LiveDocumentServer {
	return {
		loadedDocument: (name) => hocuspocus.documents.get(name) ?? null,
		flushUpdateLog,
		async change(name, editor, apply) {
			const connection = await hocuspocus.openDirectConnection(name, { user: editor });
			try {
				await connection.transact((document) => apply(document));
			} finally {
				await connection.disconnect();
			}
		}
	};
}
