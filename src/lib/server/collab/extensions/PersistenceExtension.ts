import type {
	afterUnloadDocumentPayload,
	Extension,
	onChangePayload,
	onLoadDocumentPayload,
	onStoreDocumentPayload
} from '@hocuspocus/server';
import * as Y from 'yjs';
import {
	appendUpdates,
	applyStoredDocument,
	lastLoggedSeq,
	readStoredDocument,
	writeState,
	type LoggedUpdate
} from '../documentStore.ts';
import type { Database } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import type { CollabContext } from '../context.ts';

export interface PersistenceOptions {
	db: Database;
	logger: Logger;
	/** How long updates of one document are gathered before one insert (≤ 250 ms). */
	flushDelayMs?: number;
	/** After a failed insert, how long to wait before trying again. */
	retryDelayMs?: number;
	/** A document loaded with more log rows than this is compacted straight away. */
	compactAfterRows?: number;
}

/**
 * Durable storage of live documents.
 *
 * - Every update the document receives (from a connection, or from the server itself) is
 *   appended to the update log with its author, batched per document for at most
 *   `flushDelayMs`: an edit the server has received is in the database well within a
 *   second, whatever Hocuspocus's store debounce is.
 * - Hocuspocus's (debounced) store writes the compacted state with the log position it
 *   covers; loading applies that state and then the later log rows.
 * - Writes of one document run one after another, so the log keeps arrival order.
 */
export class PersistenceExtension implements Extension {
	priority = 500;
	private readonly db: Database;
	private readonly log: Logger;
	private readonly flushDelayMs: number;
	private readonly retryDelayMs: number;
	private readonly compactAfterRows: number;
	private readonly buffers = new Map<string, LoggedUpdate[]>();
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
	private readonly queues = new Map<string, Promise<void>>();
	/** The highest log seq written for each loaded document. */
	private readonly lastSeq = new Map<string, number>();

	constructor(options: PersistenceOptions) {
		this.db = options.db;
		this.log = options.logger;
		this.flushDelayMs = Math.min(options.flushDelayMs ?? 100, 250);
		this.retryDelayMs = options.retryDelayMs ?? 1000;
		this.compactAfterRows = options.compactAfterRows ?? 200;
	}

	async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
		let stored = await readStoredDocument(this.db, documentName);
		if (stored.state && stored.compactedSeq === 0 && stored.pending.length === 0) {
			// A state saved before the update log existed: log it once, unattributed, so that
			// replaying the log from the start gives the whole document.
			await this.adoptUnloggedState(documentName, stored.state);
			stored = await readStoredDocument(this.db, documentName);
		}
		applyStoredDocument(document, stored);
		const last = stored.pending.at(-1)?.seq ?? stored.compactedSeq;
		this.lastSeq.set(documentName, last);
		if (stored.pending.length > this.compactAfterRows) {
			await writeState(this.db, documentName, Y.encodeStateAsUpdate(document), last);
		}
	}

	private async adoptUnloggedState(documentName: string, state: Uint8Array): Promise<void> {
		const seq = await appendUpdates(this.db, [
			{ documentName, update: state, userId: null, receivedAt: new Date() }
		]);
		if (seq !== null) await writeState(this.db, documentName, state, seq);
	}

	/** Runs for every update applied to a loaded document; must never throw. */
	async onChange({ documentName, update, context }: onChangePayload<CollabContext>) {
		const buffer = this.buffers.get(documentName) ?? [];
		buffer.push({
			documentName,
			update,
			userId: context?.user?.id ?? null,
			receivedAt: new Date()
		});
		this.buffers.set(documentName, buffer);
		this.schedule(documentName, this.flushDelayMs);
	}

	private schedule(documentName: string, delayMs: number): void {
		if (this.timers.has(documentName)) return;
		const timer = setTimeout(() => {
			this.timers.delete(documentName);
			this.flush(documentName).catch(() => {});
		}, delayMs);
		this.timers.set(documentName, timer);
	}

	/** Writes the document's buffered updates; resolves once they are in the database. */
	flush(documentName: string): Promise<void> {
		const timer = this.timers.get(documentName);
		if (timer) {
			clearTimeout(timer);
			this.timers.delete(documentName);
		}
		return this.enqueue(documentName, async () => {
			const rows = this.buffers.get(documentName) ?? [];
			if (rows.length === 0) return;
			this.buffers.set(documentName, []);
			try {
				const seq = await appendUpdates(this.db, rows);
				if (seq !== null) this.lastSeq.set(documentName, seq);
			} catch (error) {
				// Keep the rows (ahead of anything newer) and try again: the edits are still in
				// the live document, and nothing is acknowledged as stored until this succeeds.
				this.buffers.set(documentName, [...rows, ...(this.buffers.get(documentName) ?? [])]);
				this.log.error({ err: error, document: documentName }, 'writing the update log failed');
				this.schedule(documentName, this.retryDelayMs);
				throw error;
			}
		});
	}

	private enqueue(documentName: string, task: () => Promise<void>): Promise<void> {
		const previous = this.queues.get(documentName) ?? Promise.resolve();
		const next = previous.catch(() => {}).then(task);
		this.queues.set(documentName, next);
		void next
			.finally(() => {
				if (this.queues.get(documentName) === next) this.queues.delete(documentName);
			})
			.catch(() => {});
		return next;
	}

	async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
		await this.store(documentName, document);
	}

	/**
	 * Flushes the log, then writes the compacted state. The state is encoded after the
	 * flush, so it holds at least every logged update it claims to cover.
	 */
	async store(documentName: string, document: Y.Doc): Promise<void> {
		await this.flush(documentName);
		await this.enqueue(documentName, async () => {
			const seq = this.lastSeq.get(documentName) ?? (await lastLoggedSeq(this.db, documentName));
			if (seq === 0) return;
			await writeState(this.db, documentName, Y.encodeStateAsUpdate(document), seq);
		});
	}

	async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
		// The store before unloading flushed everything; keep anything that arrived since.
		if ((this.buffers.get(documentName)?.length ?? 0) > 0) await this.flush(documentName);
		this.buffers.delete(documentName);
		this.lastSeq.delete(documentName);
	}

	/** Writes every buffered update of every document (for shutdown). */
	async flushAll(): Promise<void> {
		await Promise.allSettled([...this.buffers.keys()].map((name) => this.flush(name)));
	}

	/** True while some received update is not yet in the database. */
	hasUnwrittenUpdates(): boolean {
		return [...this.buffers.values()].some((rows) => rows.length > 0);
	}
}
