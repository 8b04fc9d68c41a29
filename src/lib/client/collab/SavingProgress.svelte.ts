import * as Y from 'yjs';
import {
	encodeStoreRequest,
	parseSavingNotice,
	parseStoredNotice
} from '../../shared/collab/savingNotices.ts';
import { listenTo, type ProviderEvents } from './providerEvents.ts';
import { StoredEdits } from './storedEdits.ts';

export interface SavingProgressOptions {
	doc: Y.Doc;
	provider: ProviderEvents & {
		sendStateless(payload: string): void;
		forceSync(): void;
		readonly isSynced: boolean;
	};
	/** The transaction origin of the provider (remote changes). */
	remoteOrigin: unknown;
	/** Clocks remembered with the device's copy, once it has loaded them. */
	remembered?: Promise<Iterable<[number, number]> | null>;
	/** Keeps the stored clocks with the device's copy, for an offline reload. */
	remember?: (clocks: ReadonlyMap<number, number>) => void;
	/** Called whenever the count of unsaved changes may have moved. */
	onProgress?: (progress: { unsaved: number; heardFromServer: boolean }) => void;
}

function clocksOf(doc: Y.Doc): Map<number, number> {
	return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** Clocks a remote transaction moved (the content that came from the server). */
function movedClocks(transaction: Y.Transaction): [number, number][] {
	const moved: [number, number][] = [];
	for (const [client, clock] of transaction.afterState) {
		if (clock > (transaction.beforeState.get(client) ?? 0)) moved.push([client, clock]);
	}
	return moved;
}

/**
 * Saved as the server means it: stored in the database. Follows this device's changes
 * and the server's StoredNotices (through StoredEdits) and says how many changes are not
 * yet stored; asks the server about deletions, which clocks cannot show; and follows
 * SavingNotices: while saving is paused the page is read-only, and when it resumes
 * whatever the server dropped meanwhile is sent again (a fresh sync).
 */
export class SavingProgress {
	#unsaved = $state(0);
	#paused = $state(false);
	#heardFromServer = $state(false);

	readonly edits = new StoredEdits();
	readonly #doc: Y.Doc;
	readonly #provider: SavingProgressOptions['provider'];
	readonly #remoteOrigin: unknown;
	readonly #remember: (clocks: ReadonlyMap<number, number>) => void;
	readonly #onProgress: NonNullable<SavingProgressOptions['onProgress']>;
	readonly #cleanups: (() => void)[] = [];
	// A plain map on purpose: waiters, never rendered.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #answerWaiters = new Map<number, () => void>();
	#rememberTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(options: SavingProgressOptions) {
		this.#doc = options.doc;
		this.#provider = options.provider;
		this.#remoteOrigin = options.remoteOrigin;
		this.#remember = options.remember ?? (() => {});
		this.#onProgress = options.onProgress ?? (() => {});
		void options.remembered?.then((clocks) => {
			if (!clocks) return;
			this.edits.restore(clocks);
			this.#recount();
		});
		this.#followDocument();
		this.#followServer();
	}

	/** Changes made here that are not yet stored in the database. */
	get unsaved(): number {
		return this.#unsaved;
	}

	/** The server cannot save right now: the page must not take edits. */
	get paused(): boolean {
		return this.#paused;
	}

	/** The server has said what it has stored since this page opened. */
	get heardFromServer(): boolean {
		return this.#heardFromServer;
	}

	/** Resolves once everything the server received before now is stored (or it closes). */
	whenServerCaughtUp(): Promise<void> {
		return new Promise((resolve) => {
			const id = this.edits.newRequest();
			this.#answerWaiters.set(id, resolve);
			this.#provider.sendStateless(encodeStoreRequest(id));
		});
	}

	destroy(): void {
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
		if (this.#rememberTimer) clearTimeout(this.#rememberTimer);
		this.#answerWaiters.clear();
	}

	#followDocument(): void {
		// After the provider's own 'update' listener, so a store request follows the update.
		const onUpdate = (
			_update: Uint8Array,
			origin: unknown,
			_doc: Y.Doc,
			transaction: Y.Transaction
		) => {
			if (origin === this.#remoteOrigin) {
				this.edits.received(movedClocks(transaction));
			} else if (transaction.local) {
				const client = this.#doc.clientID;
				this.edits.local(
					client,
					transaction.beforeState.get(client) ?? 0,
					transaction.afterState.get(client) ?? 0
				);
				this.#askAboutDeletions();
			}
			this.#recount();
		};
		this.#doc.on('update', onUpdate);
		this.#cleanups.push(() => this.#doc.off('update', onUpdate));
	}

	#followServer(): void {
		this.#cleanups.push(
			listenTo<{ payload: string }>(this.#provider, 'stateless', ({ payload }) =>
				this.#read(payload)
			),
			// After every (re)connection's sync, deletions made meanwhile have reached it.
			listenTo<{ state: boolean }>(this.#provider, 'synced', ({ state }) => {
				if (state) this.#askAboutDeletions();
			})
		);
	}

	#read(payload: string): void {
		const stored = parseStoredNotice(payload);
		if (stored) {
			this.edits.stored(stored.clocks, stored.full, stored.request);
			if (stored.full) this.#heardFromServer = true;
			if (stored.request !== null) this.#answered(stored.request);
			this.#recount();
			this.#scheduleRemember();
			return;
		}
		const saving = parseSavingNotice(payload);
		if (!saving || saving.paused === this.#paused) return;
		this.#paused = saving.paused;
		// Resumed: send again whatever the server dropped while it could not save.
		if (!saving.paused) this.#provider.forceSync();
	}

	#answered(request: number): void {
		for (const [id, resolve] of this.#answerWaiters) {
			if (id <= request) {
				this.#answerWaiters.delete(id);
				resolve();
			}
		}
	}

	#askAboutDeletions(): void {
		if (!this.#provider.isSynced) return;
		const id = this.edits.requestFor();
		if (id !== null) this.#provider.sendStateless(encodeStoreRequest(id));
	}

	#recount(): void {
		this.#unsaved = this.edits.unsaved(clocksOf(this.#doc));
		this.#onProgress({ unsaved: this.#unsaved, heardFromServer: this.edits.heardFromServer });
	}

	/** At most once a second: the notices come with every batch the server writes. */
	#scheduleRemember(): void {
		if (this.#rememberTimer) return;
		this.#rememberTimer = setTimeout(() => {
			this.#rememberTimer = null;
			this.#remember(this.edits.storedClocks);
		}, 1000);
	}
}
