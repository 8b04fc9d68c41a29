import { describeDenial } from '../../shared/collab/closeCodes.ts';

/**
 * The sync status a person sees beside the meeting, in words. Pure: the CollabSession
 * feeds it the provider's state and the page shows what comes back.
 */

export type ConnectionState = 'connecting' | 'connected' | 'offline';

export interface ConnectionFacts {
	/** The browser reports a network connection (navigator.onLine). */
	browserOnline: boolean;
	/** The websocket is open. */
	socketConnected: boolean;
	/** A connection attempt has failed or an open connection dropped since the page opened. */
	connectionLost: boolean;
}

/**
 * Offline as soon as the browser says so (it learns of a lost network long before a
 * silent socket times out), or once a connection has been lost and not yet regained;
 * only "connecting" while the very first connection is on its way.
 */
export function connectionState(facts: ConnectionFacts): ConnectionState {
	if (!facts.browserOnline) return 'offline';
	if (facts.socketConnected) return 'connected';
	return facts.connectionLost ? 'offline' : 'connecting';
}

export interface SyncState {
	connection: ConnectionState;
	/** The first exchange with the server has finished since the page opened. */
	synced: boolean;
	/** Changes made on this device that are not yet stored in the database. */
	unsyncedChanges: number;
	/** The server cannot save right now (its database is failing): editing waits. */
	savingPaused?: boolean;
	/** Editing is not allowed (closed meeting, observer, or the server said so). */
	readOnly: boolean;
	/** A coded reason the server refused the document (see closeCodes.ts), if it did. */
	denial: string | null;
	/** A sentence for a problem the server reported by closing the connection, if any. */
	problem?: string | null;
}

export type SyncTone =
	'saved' | 'saving' | 'offline' | 'paused' | 'read-only' | 'refused' | 'connecting';

export interface SyncStatus {
	tone: SyncTone;
	text: string;
}

export const READ_ONLY_TEXT = 'You can view but not edit';
/** Stored in the database: the person can close the laptop. */
export const SAVED_TEXT = 'Saved';
/** Sent, not yet stored. */
export const SAVING_TEXT = 'Saving…';
export const CONNECTING_TEXT = 'Connecting to the meeting…';

function changesKept(unsyncedChanges: number): string {
	const changes = unsyncedChanges === 1 ? '1 change' : `${unsyncedChanges} changes`;
	return `${changes} kept on this device`;
}

export function offlineText(unsyncedChanges: number): string {
	if (unsyncedChanges <= 0) return 'Offline — trying to reconnect. You can keep writing.';
	return `Offline — ${changesKept(unsyncedChanges)}`;
}

export function pausedText(unsyncedChanges: number): string {
	if (unsyncedChanges <= 0) return 'Saving paused — Coplan cannot save right now';
	return `Saving paused — ${changesKept(unsyncedChanges)}`;
}

export function describeSyncStatus(state: SyncState): SyncStatus {
	if (state.denial !== null) return { tone: 'refused', text: describeDenial(state.denial) };
	if (state.problem) return { tone: 'refused', text: state.problem };
	if (state.readOnly) return { tone: 'read-only', text: READ_ONLY_TEXT };
	if (state.savingPaused) return { tone: 'paused', text: pausedText(state.unsyncedChanges) };
	if (state.connection === 'offline') {
		return { tone: 'offline', text: offlineText(state.unsyncedChanges) };
	}
	if (!state.synced) return { tone: 'connecting', text: CONNECTING_TEXT };
	if (state.unsyncedChanges > 0) return { tone: 'saving', text: SAVING_TEXT };
	return { tone: 'saved', text: SAVED_TEXT };
}
