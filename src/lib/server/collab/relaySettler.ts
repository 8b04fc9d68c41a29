import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { RelayedEdits } from './relayedEdits.ts';
import { settleSharedDocument } from './sharedDocumentStore.ts';

type Clocks = Map<number, number>;

export interface RelaySettlerOptions {
	/** How long the server that received an edit has to log it before this one does. */
	settleAfterMs: number;
	/** How often documents with relayed edits are checked. */
	checkEveryMs: number;
}

export const DEFAULT_RELAY_SETTLING: RelaySettlerOptions = {
	// The update log writes within a quarter of a second, and retries for a few seconds
	// before saving pauses: past that, the sender is gone or cannot write either.
	settleAfterMs: 5000,
	// Each check reads every such document back from the database: rarely enough that it
	// costs little beside the edits themselves. An author who reconnects does not wait for
	// it (their store request settles at once).
	checkEveryMs: 10_000
};

export interface SettleRequest {
	/** Settle the relayed edits received at or before this time (ms since epoch). */
	before: number;
	/** Rewrite the document's state from the database's rows too. */
	compact: boolean;
}

export interface RelaySettlerEvents {
	/** Writes this server's own received edits of the document (before settling). */
	flushOwn(documentName: string): Promise<void>;
	/** The database holds at least `stored` of the document now. */
	settled(documentName: string, stored: Clocks): void;
}

/**
 * With several servers (Redis scale-out): keeps the edits relayed to this server and,
 * once their sender has had time to log them, makes sure the database holds them
 * (RelayedEdits says why). Settling also rewrites a document's state, when asked, from
 * the database's rows under the document's lock, never from this server's copy.
 * One settling per document at a time.
 */
export class RelaySettler {
	readonly edits = new RelayedEdits();
	private readonly db: Database;
	private readonly log: Logger;
	private readonly options: RelaySettlerOptions;
	private readonly events: RelaySettlerEvents;
	private readonly running = new Map<string, Promise<void>>();
	private timer: ReturnType<typeof setInterval> | null = null;

	constructor(
		db: Database,
		logger: Logger,
		options: Partial<RelaySettlerOptions>,
		events: RelaySettlerEvents
	) {
		this.db = db;
		this.log = logger;
		this.options = { ...DEFAULT_RELAY_SETTLING, ...options };
		this.events = events;
		this.timer = setInterval(() => void this.settleDue(), this.options.checkEveryMs);
		this.timer.unref();
	}

	relayed(documentName: string, update: Uint8Array): void {
		this.edits.add(documentName, update);
	}

	/** Settles every document whose relayed edits are old enough (the timer's work). */
	async settleDue(): Promise<void> {
		const before = Date.now() - this.options.settleAfterMs;
		// One document at a time: all at once would hold up live editing for the burst.
		for (const name of this.edits.documentsWithEditsBefore(before)) {
			await this.settle(name, { before, compact: false }).catch((error: unknown) => {
				this.log.warn({ err: error, document: name }, 'relayed edits not settled; will retry');
			});
		}
	}

	/** Settles every document's relayed edits now, however recent (tests, shutdown). */
	async settleAll(): Promise<void> {
		for (const name of this.edits.documentsWithEditsBefore(Infinity)) {
			await this.settle(name, { before: Infinity, compact: false });
		}
	}

	/** Waits until the document's newest relayed edit is old enough, then settles it all. */
	async settleWhenDue(documentName: string): Promise<void> {
		const newest = this.edits.newest(documentName);
		if (newest === null) return;
		const wait = newest + this.options.settleAfterMs - Date.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		await this.settle(documentName, { before: Date.now(), compact: false });
	}

	/**
	 * Rewrites the document's state from the database, settling its relayed edits that are
	 * old enough; all of them when this is the server's final store (it is stopping, and
	 * nobody may be left to settle them).
	 */
	compact(documentName: string, { final }: { final: boolean }): Promise<void> {
		const before = final ? Infinity : Date.now() - this.options.settleAfterMs;
		return this.settle(documentName, { before, compact: true });
	}

	hasEditsBefore(documentName: string, before: number): boolean {
		return this.edits.hasEditsBefore(documentName, before);
	}

	/** Runs after any settling of the document under way: one at a time per document. */
	settle(documentName: string, request: SettleRequest): Promise<void> {
		const previous = this.running.get(documentName) ?? Promise.resolve();
		const next = previous.catch(() => undefined).then(() => this.settleNow(documentName, request));
		this.running.set(documentName, next);
		void next
			.catch(() => undefined)
			.finally(() => {
				if (this.running.get(documentName) === next) this.running.delete(documentName);
			});
		return next;
	}

	private async settleNow(documentName: string, { before, compact }: SettleRequest): Promise<void> {
		// This server's own edits first: what it received itself is logged as its author's.
		await this.events.flushOwn(documentName);
		const relayed = this.edits.take(documentName, before);
		if (!relayed && !compact) return;
		try {
			const result = await settleSharedDocument(this.db, documentName, { relayed, compact });
			if (result.loggedSeq !== null) {
				this.log.warn(
					{ document: documentName, seq: result.loggedSeq },
					'logged relayed edits their receiving server had not written'
				);
			}
			this.events.settled(documentName, result.stored);
		} catch (error) {
			if (relayed) this.edits.restore(documentName, relayed, before);
			throw error;
		}
	}

	forget(documentName: string): void {
		this.edits.forget(documentName);
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
	}
}
