/**
 * The copies of live meetings kept on this device (IndexedDB, through y-indexeddb), so
 * that nothing typed offline is lost. They hold a child's plan, so signing out deletes
 * them; first it warns about any meeting whose changes have not reached Coplan yet,
 * because deleting its copy would lose them.
 *
 * Which meetings have unsent changes is written to localStorage as the live page works,
 * so any page (any tab) can tell at sign-out, even after the meeting's page was closed.
 */

import { COLLAB_DENIAL } from '../shared/collab/closeCodes.ts';

/** Every offline copy's IndexedDB name starts with this (see LiveMeeting.svelte). */
export const OFFLINE_COPY_PREFIX = 'coplan:';
const UNSENT_KEY = 'coplan:unsent-changes';
/** Dispatched on window just before the copies are deleted: live pages close theirs. */
export const SIGNING_OUT_EVENT = 'coplan:signing-out';

export interface UnsentMeeting {
	/** "EHCP annual review for Aaron" */
	label: string;
	/** The live meeting's address, where opening it sends the changes. */
	href: string;
}

/** How far the server has caught up with this device's edits. */
export interface SyncProgress {
	/** Local changes the server has not yet confirmed. */
	unsyncedChanges: number;
	/** The first full exchange with the server has finished since the page opened. */
	everSynced: boolean;
}

/**
 * What the unsent-changes marker should say now. A meeting is marked as soon as it has an
 * unconfirmed change, and cleared only once the offline copy has been loaded (it may hold
 * edits from an earlier visit) and the server has confirmed everything; otherwise the
 * marker stays as it is.
 */
export function unsentMarker(
	progress: SyncProgress,
	copyLoaded: boolean
): 'unsent' | 'sent' | null {
	if (progress.unsyncedChanges > 0) return 'unsent';
	return progress.everSynced && copyLoaded ? 'sent' : null;
}

/** Someone refused for this reason keeps no copy of the meeting on this device. */
export function refusalDiscardsCopy(denial: string): boolean {
	return (
		denial === COLLAB_DENIAL.forbidden ||
		denial === COLLAB_DENIAL.restrictedForbidden ||
		denial === COLLAB_DENIAL.unknownDocument
	);
}

function readUnsent(): Record<string, UnsentMeeting> {
	try {
		const value: unknown = JSON.parse(localStorage.getItem(UNSENT_KEY) ?? '{}');
		return typeof value === 'object' && value !== null
			? (value as Record<string, UnsentMeeting>)
			: {};
	} catch {
		return {};
	}
}

function writeUnsent(entries: Record<string, UnsentMeeting>): void {
	try {
		if (Object.keys(entries).length === 0) localStorage.removeItem(UNSENT_KEY);
		else localStorage.setItem(UNSENT_KEY, JSON.stringify(entries));
	} catch {
		// Storage full or refused: the warning is a courtesy; the copy itself is unaffected.
	}
}

export function markUnsent(storeName: string, meeting: UnsentMeeting): void {
	const entries = readUnsent();
	if (entries[storeName]?.label === meeting.label) return;
	writeUnsent({ ...entries, [storeName]: meeting });
}

export function markSent(storeName: string): void {
	const entries = readUnsent();
	if (!(storeName in entries)) return;
	delete entries[storeName];
	writeUnsent(entries);
}

/** Meetings with changes on this device that have not reached Coplan. */
export function unsentMeetings(): UnsentMeeting[] {
	return Object.values(readUnsent()).filter(
		(entry) => typeof entry?.label === 'string' && typeof entry.href === 'string'
	);
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = request.onerror = () => resolve();
		// Another tab still has it open: the deletion happens as soon as that tab lets go.
		request.onblocked = () => resolve();
	});
}

/** Deletes every meeting copy on this device (waiting at most `timeoutMs`). */
export async function deleteOfflineCopies(timeoutMs = 3000): Promise<void> {
	writeUnsent({});
	window.dispatchEvent(new Event(SIGNING_OUT_EVENT));
	if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
	const deleting = indexedDB
		.databases()
		.then((databases) =>
			Promise.all(
				databases
					.map((database) => database.name ?? '')
					.filter((name) => name.startsWith(OFFLINE_COPY_PREFIX))
					.map(deleteDatabase)
			)
		)
		.then(() => undefined);
	let timer: ReturnType<typeof setTimeout> | undefined;
	const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
	await Promise.race([deleting.catch(() => undefined), deadline]);
	clearTimeout(timer);
}
