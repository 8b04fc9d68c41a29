/**
 * The copies of live meetings kept on this device (IndexedDB, through y-indexeddb), so
 * that nothing typed offline is lost. They hold a child's plan, so signing out deletes
 * them; first it warns about any meeting whose changes have not reached Coplan yet,
 * because deleting its copy would lose them.
 *
 * Which meetings have unsent changes is written to localStorage as the live page works,
 * so any page (any tab) can tell at sign-out, even after the meeting's page was closed.
 */

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
