import type { Hocuspocus } from '@hocuspocus/server';
import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { AccessEpoch } from './accessEpoch.ts';
import type { CollabContext } from './context.ts';
import { refreshChildAccess, refreshMeetingAccess, refreshUserAccess } from './liveAccess.ts';
import { copyOfDocument, storedDocuments, type LiveDocuments } from './liveDocuments.ts';

/**
 * The live server's LiveDocuments: documents it has loaded, and changes made through
 * Hocuspocus's direct connection. A direct connection loads the document if it is not
 * loaded (running the load hooks: creation from casework, migration), applies the change
 * with the editor as its context — so the update log records them as its author —
 * broadcasts it to everyone connected and, on disconnecting, stores the document and
 * refreshes its projection. Direct connections are the server's own: the read-only rule
 * for closed meetings applies to people's connections, not to follow-through the
 * services decide on.
 */
export function directDocuments(
	hocuspocus: Hocuspocus<CollabContext>,
	db: Database,
	log: Logger,
	flushUpdateLog: (name: string) => Promise<void>,
	eraseFromLog: (names: string[]) => Promise<void>,
	epoch: AccessEpoch,
	savingPaused: () => boolean,
	sessionsEnded: () => Promise<void>
): LiveDocuments {
	const stored = storedDocuments(db);
	return {
		async read(name) {
			const loaded = hocuspocus.documents.get(name);
			return loaded ? copyOfDocument(loaded) : stored.read(name);
		},
		exists: async (name) => hocuspocus.documents.has(name) || (await stored.exists(name)),
		flush: flushUpdateLog,
		async change(name, editor, apply) {
			const connection = await hocuspocus.openDirectConnection(name, { user: editor });
			try {
				await connection.transact((document) => apply(document));
			} finally {
				await connection.disconnect();
			}
			return { via: 'live' };
		},
		meetingAccessChanged(meetingId) {
			epoch.bump();
			return refreshMeetingAccess(hocuspocus, db, log, meetingId);
		},
		childAccessChanged(childId) {
			epoch.bump();
			return refreshChildAccess(hocuspocus, db, log, childId);
		},
		userAccessChanged(userId) {
			epoch.bump();
			return refreshUserAccess(hocuspocus, db, log, userId);
		},
		async erase(names) {
			await eraseFromLog(names);
			for (const name of names) {
				hocuspocus.closeConnections(name);
				const document = hocuspocus.documents.get(name);
				if (document) await hocuspocus.unloadDocument(document);
			}
		},
		savingPaused,
		sessionsEnded
	};
}
