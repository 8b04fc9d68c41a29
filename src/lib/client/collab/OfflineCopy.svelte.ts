import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import {
	markSent,
	markUnsent,
	unsentMarker,
	type SyncProgress,
	type UnsentMeeting
} from '../offlineCopies.ts';

/** Where the copy keeps the server's stored clocks (y-indexeddb's own key-value store). */
const STORED_CLOCKS_KEY = 'coplan:stored-clocks';

export interface OfflineCopyOptions {
	doc: Y.Doc;
	/**
	 * IndexedDB database for unsent edits, or null to keep nothing on this device. Name it
	 * per user, so that someone else signing in on the same browser never loads it.
	 */
	storeName: string | null;
	/** How the sign-out warning names this meeting while it has unsent changes. */
	unsentMeeting: UnsentMeeting | null;
}

/**
 * The document's copy on this device (IndexedDB, through y-indexeddb), which keeps unsent
 * edits across reloads and dropped connections, and the "unsent changes" marker in
 * localStorage that lets signing out (from any page) warn before deleting the copy.
 * Without IndexedDB, or without a store name, it keeps nothing.
 */
export class OfflineCopy {
	#loaded = $state(false);
	#writesPending = $state(0);

	readonly #store: IndexeddbPersistence | null;
	readonly #storeName: string | null;
	readonly #unsentMeeting: UnsentMeeting | null;
	#progress: SyncProgress = { unsyncedChanges: 0, everSynced: false };
	#stopWatchingWrites: () => void = () => {};
	#destroyed = false;

	constructor(options: OfflineCopyOptions) {
		this.#store =
			options.storeName !== null && typeof indexedDB !== 'undefined'
				? new IndexeddbPersistence(options.storeName, options.doc)
				: null;
		this.#storeName = this.#store ? options.storeName : null;
		this.#unsentMeeting = options.unsentMeeting;
		void this.#store?.whenSynced.then(() => {
			this.#loaded = true;
			this.#trackUnsent();
		});
		if (this.#store) this.#watchWrites(this.#store, options.doc);
	}

	/** The copy on this device has been loaded into the document. */
	get loaded(): boolean {
		return this.#loaded;
	}

	/** Local changes not yet written to the copy on this device (a few milliseconds each). */
	get writesPending(): number {
		return this.#writesPending;
	}

	/** Keeps the unsent-changes marker in step with what the server has confirmed. */
	syncProgressed(progress: SyncProgress): void {
		this.#progress = { ...progress };
		this.#trackUnsent();
	}

	/**
	 * Deletes the copy's contents: for someone who may no longer open the document, or to
	 * bring this device back in line after the server refused its edits.
	 */
	discard(): Promise<void> {
		const name = this.#storeName;
		if (name) markSent(name);
		return this.#store?.clearData() ?? Promise.resolve();
	}

	/** Keeps how far the server has stored with the copy, for an offline reload. */
	rememberStored(clocks: ReadonlyMap<number, number>): void {
		if (this.#destroyed) return;
		void this.#store?.set(STORED_CLOCKS_KEY, JSON.stringify([...clocks])).catch(() => {});
	}

	/** The stored clocks kept with the copy on an earlier visit, once it has loaded. */
	async recallStored(): Promise<[number, number][] | null> {
		const store = this.#store;
		if (!store) return null;
		await store.whenSynced;
		try {
			const saved: unknown = await store.get(STORED_CLOCKS_KEY);
			const value: unknown = typeof saved === 'string' ? JSON.parse(saved) : null;
			return Array.isArray(value)
				? value.filter(
						(entry): entry is [number, number] =>
							Array.isArray(entry) &&
							Number.isSafeInteger(entry[0]) &&
							Number.isSafeInteger(entry[1])
					)
				: null;
		} catch {
			return null;
		}
	}

	/** Lets go of the database; unsent edits stay in it for next time. */
	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		this.#stopWatchingWrites();
		void this.#store?.destroy();
	}

	/**
	 * Counts writes to the copy until they are on disk, so that the page can tell when an
	 * edit made offline is safe on this device. y-indexeddb writes each update in a
	 * readwrite transaction on its 'updates' store as the update happens (its listener was
	 * registered first); a readonly transaction on the same store, started just after,
	 * completes only once that write has committed.
	 */
	#watchWrites(store: IndexeddbPersistence, doc: Y.Doc): void {
		const afterUpdate = (_update: Uint8Array, origin: unknown) => {
			const db = store.db;
			if (origin === store || !db) return;
			this.#writesPending++;
			const settled = () => (this.#writesPending = Math.max(0, this.#writesPending - 1));
			try {
				const check = db.transaction(['updates'], 'readonly');
				check.oncomplete = check.onabort = check.onerror = settled;
			} catch {
				settled();
			}
		};
		doc.on('update', afterUpdate);
		this.#stopWatchingWrites = () => doc.off('update', afterUpdate);
	}

	/**
	 * Notes on this device whether the meeting has changes that have not reached Coplan.
	 * Cleared only once the copy has been loaded and everything in it acknowledged.
	 */
	#trackUnsent(): void {
		const name = this.#storeName;
		if (!name || !this.#unsentMeeting || this.#destroyed) return;
		const marker = unsentMarker(this.#progress, this.#loaded);
		if (marker === 'unsent') markUnsent(name, this.#unsentMeeting);
		else if (marker === 'sent') markSent(name);
	}
}
