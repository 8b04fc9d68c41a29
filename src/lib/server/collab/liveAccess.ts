import { OutgoingMessage, type Connection, type Hocuspocus } from '@hocuspocus/server';
import type { DocumentAccess } from './documentAccess.ts';
import { decideConnectionAccess, holderKey } from './connectionAccess.ts';
import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { encodeAccessNotice } from '../../shared/collab/closeCodes.ts';
import { meetingDocumentName, restrictedDocumentName } from '../../shared/collab/documentName.ts';
import type { CollabContext } from './context.ts';

/** Close code for a connection whose access was withdrawn while it was open. */
const ACCESS_WITHDRAWN = 4403;

/**
 * Applies a fresh access decision to a live connection. Hocuspocus checks
 * `connection.readOnly` for every incoming sync message, so a connection made read-only
 * here drops the very next edit (answering with a "not saved" sync status). The client is
 * told through Hocuspocus's own channel — an `authenticated` message with scope
 * 'readonly' or 'read-write', which sets the provider's `authorizedScope` and emits its
 * `authenticated` event — plus a stateless AccessNotice saying why.
 */
export function applyAccess(
	connection: Connection<CollabContext>,
	access: DocumentAccess,
	options: { announce: boolean }
): void {
	if (!access.allowed) {
		connection.send(
			new OutgoingMessage(connection.messageAddress)
				.writePermissionDenied(access.reason)
				.toUint8Array()
		);
		connection.close({ code: ACCESS_WITHDRAWN, reason: access.reason });
		return;
	}
	const changed = (connection.context.access?.readOnly ?? connection.readOnly) !== access.readOnly;
	// While saving is paused nobody edits, whatever their access (see SavingGate).
	connection.readOnly = access.readOnly || connection.context.saving?.paused === true;
	connection.context.access = access;
	if (changed) {
		connection.send(
			new OutgoingMessage(connection.messageAddress)
				.writeAuthenticated(access.readOnly)
				.toUint8Array()
		);
	}
	if (changed || options.announce) {
		connection.sendStateless(
			encodeAccessNotice({ readOnly: access.readOnly, reason: access.readOnlyReason })
		);
	}
}

/**
 * Re-decides access for every live connection to the given documents (after a meeting
 * was closed or reopened, or a team changed). Decisions are made once per user (and tool
 * token) and document.
 */
async function refreshDocuments(
	hocuspocus: Hocuspocus<CollabContext>,
	db: Database,
	logger: Logger,
	names: string[]
): Promise<void> {
	for (const name of names) {
		const document = hocuspocus.documents.get(name);
		if (!document) continue;
		const decisions = new Map<string, Promise<DocumentAccess>>();
		for (const connection of document.getConnections() as Connection<CollabContext>[]) {
			const userId = connection.context.user?.id;
			if (!userId) continue;
			// A tool token narrows its owner's access: decided per person and token.
			const holder = { userId, toolToken: connection.context.toolToken };
			let decision = decisions.get(holderKey(holder));
			if (!decision) {
				decision = decideConnectionAccess(db, holder, name);
				decisions.set(holderKey(holder), decision);
			}
			const access = await decision;
			applyAccess(connection, access, { announce: false });
			logger.info(
				{ document: name, userId, readOnly: access.allowed ? access.readOnly : null },
				'collaboration access refreshed'
			);
		}
	}
}

export function refreshMeetingAccess(
	hocuspocus: Hocuspocus<CollabContext>,
	db: Database,
	logger: Logger,
	meetingId: string
): Promise<void> {
	return refreshDocuments(hocuspocus, db, logger, [
		meetingDocumentName(meetingId),
		restrictedDocumentName(meetingId)
	]);
}

/** Every loaded document of one child: found from what its connections were granted. */
export function refreshChildAccess(
	hocuspocus: Hocuspocus<CollabContext>,
	db: Database,
	logger: Logger,
	childId: string
): Promise<void> {
	const names = [...hocuspocus.documents.values()]
		.filter((document) =>
			(document.getConnections() as Connection<CollabContext>[]).some(
				(connection) => connection.context.access?.childId === childId
			)
		)
		.map((document) => document.name);
	return refreshDocuments(hocuspocus, db, logger, names);
}

/** Every loaded document one person has open (after their role or membership changed). */
export function refreshUserAccess(
	hocuspocus: Hocuspocus<CollabContext>,
	db: Database,
	logger: Logger,
	userId: string
): Promise<void> {
	const names = [...hocuspocus.documents.values()]
		.filter((document) =>
			(document.getConnections() as Connection<CollabContext>[]).some(
				(connection) => connection.context.user?.id === userId
			)
		)
		.map((document) => document.name);
	return refreshDocuments(hocuspocus, db, logger, names);
}
