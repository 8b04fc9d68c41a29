import type {
	afterUnloadDocumentPayload,
	beforeUnloadDocumentPayload,
	connectedPayload,
	Connection,
	Document,
	Extension,
	Hocuspocus,
	onLoadDocumentPayload,
	onStatelessPayload,
	onStoreDocumentPayload
} from '@hocuspocus/server';
import { isTransactionOrigin } from '@hocuspocus/server';
import * as Y from 'yjs';
import {
	appendUpdates,
	applyStoredDocument,
	lastLoggedSeq,
	readStoredDocument,
	writeState
} from '../documentStore.ts';
import type { Database } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import { encodeStoredNotice, parseStoreRequest } from '../../../shared/collab/savingNotices.ts';
import type { CollabContext } from '../context.ts';
import { SavingGate } from '../savingGate.ts';
import type { LogMerger } from '../logMerger.ts';
import type { CollabMetrics } from '../../metrics.ts';
import { DEFAULT_UPDATE_LOG_LIMITS, UpdateLog, type UpdateLogLimits } from '../updateLog.ts';
import { RelaySettler, type RelaySettlerOptions } from '../relaySettler.ts';
import { settleSharedDocument } from '../sharedDocumentStore.ts';
import { StoredNotices, type BatchCoverage } from '../storedNotices.ts';
import { ALREADY_STORED } from '../createOnce.ts';

export interface PersistenceOptions {
	db: Database;
	logger: Logger;
	/** Batching, retry and pause limits of the update log (tests shorten them). */
	limits?: Partial<UpdateLogLimits>;
	/** A document loaded with more log rows than this is compacted straight away. */
	compactAfterRows?: number;
	/**
	 * A debounced store rewrites the document's state only once this many log rows have
	 * been written since its last state (every store does, once the server is stopping).
	 */
	compactEveryRows?: number;
	/** Merges the old rows of the documents logged to and loaded. */
	merger?: LogMerger;
	/** Told how long each write of the update log takes. */
	metrics?: Pick<CollabMetrics, 'logWritten'>;
	/**
	 * Other servers hold the same documents (Redis scale-out): edits relayed from them are
	 * settled (RelaySettler) and states are written from the database's rows.
	 */
	shared?: Partial<RelaySettlerOptions>;
}

type Clocks = Map<number, number>;

/** Who made an update, for the log: the connection's user, or the server's own context. */
function authorOf(origin: unknown): string | null {
	if (!isTransactionOrigin(origin)) return null;
	if (origin.source === 'connection') {
		return (origin.connection.context as CollabContext).user?.id ?? null;
	}
	if (origin.source === 'local') {
		return (origin.context as Partial<CollabContext> | undefined)?.user?.id ?? null;
	}
	return null;
}

/**
 * Durable storage of live documents, and "saved" meaning stored.
 *
 * - Every update a loaded document takes is logged from the document itself
 *   (`document.on('update')`, attached as it loads), whoever made it, so no hook earlier
 *   in a chain can skip the write. Updates are batched per document for at most ~100 ms
 *   (UpdateLog).
 * - When a batch is committed, the connections whose edits it holds are told so
 *   (StoredNotices), and store requests waiting on that batch are answered. A page says
 *   "Saved" only from these.
 * - When writing fails for a few seconds or too much waits in memory, saving pauses
 *   (SavingGate: every connection read-only and told why) and resumes by itself once
 *   everything is written. A document with unwritten updates is never unloaded.
 * - Hocuspocus's (debounced) store writes the compacted state with the log position it
 *   covers, once enough rows have been logged since the last one (a meeting with someone
 *   typing was otherwise rewritten whole every five seconds); loading applies that state
 *   and then the later log rows.
 */
export class PersistenceExtension implements Extension {
	priority = 500;
	readonly updateLog: UpdateLog<BatchCoverage>;
	readonly saving: SavingGate;
	private readonly db: Database;
	private readonly log: Logger;
	private readonly compactAfterRows: number;
	private readonly compactEveryRows: number;
	private readonly merger: LogMerger | null;
	/** Log rows of each loaded document that its stored state does not hold (about). */
	private readonly rowsAfterState = new Map<string, number>();
	private stopping = false;
	private readonly loaded = new Map<string, Document>();
	/** What each loaded document has stored, and who has been told. */
	private readonly notices = new StoredNotices();
	/** With several servers, settles what was relayed from the others. */
	private readonly relay: RelaySettler | null;
	/** When each connection opened (store requests compare relayed edits with it). */
	private readonly connectedAt = new WeakMap<Connection, number>();
	/** The highest log seq written for each loaded document. */
	private readonly lastSeq = new Map<string, number>();
	private readonly detachers = new Map<string, () => void>();
	/** Documents kept loaded because a store failed or their updates were unwritten. */
	private readonly keptForWriting = new Set<string>();
	private instance: Hocuspocus | null = null;
	/** Documents deleted for good (a record past its retention): never written again. */
	private readonly erased = new Set<string>();

	constructor(options: PersistenceOptions) {
		this.db = options.db;
		this.log = options.logger;
		this.compactAfterRows = options.compactAfterRows ?? 200;
		this.compactEveryRows = options.compactEveryRows ?? 100;
		this.merger = options.merger ?? null;
		this.saving = new SavingGate(() => this.loaded.values());
		this.relay = options.shared
			? new RelaySettler(options.db, options.logger, options.shared, {
					flushOwn: (name) => this.updateLog.flush(name),
					settled: (name, stored) => this.settled(name, stored)
				})
			: null;
		this.updateLog = new UpdateLog<BatchCoverage>(
			options.db,
			options.logger,
			{ ...DEFAULT_UPDATE_LOG_LIMITS, ...options.limits },
			{
				coverage: (name) => this.notices.coverage(name),
				committed: (name, seq, coverage) => this.committed(name, seq, coverage),
				pausedChanged: (paused) => this.saving.set(paused),
				written: (seconds, rows) => options.metrics?.logWritten(seconds, rows)
			}
		);
	}

	async onLoadDocument({ documentName, document, instance }: onLoadDocumentPayload): Promise<void> {
		this.instance = instance;
		if (this.erased.has(documentName)) throw new Error(`${documentName} has been deleted`);
		this.merger?.noteLoaded(documentName);
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
		this.rowsAfterState.set(documentName, stored.pending.length);
		this.notices.loaded(documentName, document);
		this.loaded.set(documentName, document);
		this.logUpdatesOf(documentName, document);
		if (stored.pending.length > this.compactAfterRows) {
			if (this.relay) {
				await settleSharedDocument(this.db, documentName, { relayed: null, compact: true });
			} else {
				await writeState(this.db, documentName, Y.encodeStateAsUpdate(document), last);
			}
			this.rowsAfterState.set(documentName, 0);
		}
	}

	private async adoptUnloggedState(documentName: string, state: Uint8Array): Promise<void> {
		const seq = await appendUpdates(this.db, [
			{ documentName, update: state, userId: null, receivedAt: new Date() }
		]);
		if (seq !== null) await writeState(this.db, documentName, state, seq);
	}

	private logUpdatesOf(documentName: string, document: Document): void {
		this.detachers.get(documentName)?.();
		const onUpdate = (update: Uint8Array, origin: unknown) => {
			// Another server's edit, relayed: that server logs it (or, if it dies first, the
			// relay settler does).
			if (isTransactionOrigin(origin) && origin.source === 'redis') {
				this.relay?.relayed(documentName, update);
				return;
			}
			if (origin === ALREADY_STORED) {
				this.notices.alreadyStored(documentName, update);
				return;
			}
			this.rowsAfterState.set(documentName, (this.rowsAfterState.get(documentName) ?? 0) + 1);
			const fromConnection =
				isTransactionOrigin(origin) && origin.source === 'connection' ? origin.connection : null;
			this.notices.logging(documentName, update, fromConnection);
			this.updateLog.add({
				documentName,
				update,
				userId: authorOf(origin),
				receivedAt: new Date()
			});
		};
		document.on('update', onUpdate);
		this.detachers.set(documentName, () => document.off('update', onUpdate));
	}

	private committed(documentName: string, seq: number, coverage: BatchCoverage | null): void {
		this.lastSeq.set(documentName, Math.max(seq, this.lastSeq.get(documentName) ?? 0));
		this.merger?.noteLogged(documentName);
		const document = this.loaded.get(documentName);
		if (!document) return;
		this.notices.committed(document, coverage);
		if (document.getConnections().length === 0) this.unloadIfKept(document);
	}

	/** Relayed edits were settled (RelaySettler): the database holds `stored`. */
	private settled(documentName: string, stored: Clocks): void {
		const document = this.loaded.get(documentName);
		if (!document) return;
		this.notices.settled(document, stored);
		if (document.getConnections().length === 0) this.unloadIfKept(document);
	}

	/** A document kept loaded only because it had unwritten updates may now go. */
	private unloadIfKept(document: Document): void {
		if (!this.keptForWriting.has(document.name) || this.updateLog.hasUnwritten(document.name)) {
			return;
		}
		this.keptForWriting.delete(document.name);
		const instance = this.instance;
		if (!instance) return;
		this.store(document.name, document)
			.then(() => instance.unloadDocument(document))
			.catch((error: unknown) => {
				// Still loaded, so the next store or commit tries again.
				this.keptForWriting.add(document.name);
				this.log.warn({ err: error, document: document.name }, 'unloading a document failed');
			});
	}

	/** A new connection learns what is stored, and whether saving is paused. */
	async connected({ connection, documentName }: connectedPayload<CollabContext>): Promise<void> {
		this.connectedAt.set(connection, Date.now());
		this.notices.welcome(documentName, connection);
		if (this.saving.paused) this.saving.apply(connection);
	}

	/** Answers a store request once everything received before it is written. */
	async onStateless({ connection, documentName, payload }: onStatelessPayload): Promise<void> {
		const request = parseStoreRequest(payload);
		if (!request) return;
		const answer = () => {
			connection.sendStateless(encodeStoredNotice(new Map(), false, request.id));
		};
		// Relayed edits older than this connection may be its own, sent through a server
		// that has since gone (the page asks after every reconnection): settled first.
		const openedAt = this.connectedAt.get(connection) ?? Date.now();
		const relay = this.relay;
		if (!relay || !relay.hasEditsBefore(documentName, openedAt)) {
			this.updateLog.afterCommit(documentName, answer);
			return;
		}
		relay
			.settle(documentName, { before: openedAt, compact: false })
			.then(answer, (error: unknown) => {
				this.log.warn({ err: error, document: documentName }, 'a store request went unanswered');
			});
	}

	async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
		try {
			await this.store(documentName, document);
		} catch (error) {
			// Hocuspocus keeps a document whose store failed in memory and does not unload
			// it later by itself: once its updates are written, this extension does.
			this.keptForWriting.add(documentName);
			throw error;
		}
	}

	/**
	 * Flushes the log, then writes the compacted state if it is due. The state is encoded
	 * after the flush, so it holds at least every logged update it claims to cover.
	 */
	async store(documentName: string, document: Y.Doc): Promise<void> {
		if (this.erased.has(documentName)) return;
		await this.updateLog.flush(documentName);
		// Everything logged up to `seq` is in the document now; it may hold later updates
		// too, which loading then applies twice, harmlessly.
		const seq = this.lastSeq.get(documentName) ?? (await lastLoggedSeq(this.db, documentName));
		if (seq === 0) return;
		// The log holds every edit: a state is only a shortcut for loading, so it waits
		// until it would save replaying a good number of rows.
		const rows = this.rowsAfterState.get(documentName);
		if (!this.stopping && rows !== undefined && rows < this.compactEveryRows) return;
		if (this.relay) {
			await this.relay.compact(documentName, { final: this.stopping });
		} else {
			await writeState(this.db, documentName, Y.encodeStateAsUpdate(document), seq);
		}
		// Rows logged while the state was written are counted again from here: a few
		// replayed twice on loading are harmless.
		if (rows !== undefined) this.rowsAfterState.set(documentName, 0);
	}

	/** From now on every store writes the state: the server is about to stop. */
	compactOnEveryStore(): void {
		this.stopping = true;
	}

	/** Keeps a document loaded while any of its updates is not yet written. */
	async beforeUnloadDocument({ documentName }: beforeUnloadDocumentPayload): Promise<void> {
		if (this.updateLog.hasUnwritten(documentName)) {
			this.keptForWriting.add(documentName);
			throw new Error(`${documentName} has edits not yet written: kept loaded`);
		}
		// This copy may be the last one holding edits relayed from a server that died.
		await this.relay?.settleWhenDue(documentName).catch((error: unknown) => {
			this.keptForWriting.add(documentName);
			throw error;
		});
	}

	async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
		this.detachers.get(documentName)?.();
		this.detachers.delete(documentName);
		this.loaded.delete(documentName);
		this.keptForWriting.delete(documentName);
		this.notices.forget(documentName);
		this.relay?.forget(documentName);
		this.lastSeq.delete(documentName);
		this.rowsAfterState.delete(documentName);
		this.updateLog.forget(documentName);
	}

	/**
	 * Stops logging and storing the documents, before their rows are deleted for good:
	 * whatever was already received is written first, so that no write lands after the
	 * deletion and brings part of them back.
	 */
	async erase(documentNames: string[]): Promise<void> {
		this.merger?.forget(documentNames);
		for (const name of documentNames) {
			this.erased.add(name);
			this.relay?.forget(name);
			this.detachers.get(name)?.();
			this.detachers.delete(name);
		}
		await Promise.all(documentNames.map((name) => this.updateLog.flush(name)));
	}

	/** Writes the document's received updates; resolves once they are in the database. */
	flush(documentName: string): Promise<void> {
		return this.updateLog.flush(documentName);
	}

	/** Writes every buffered update of every document (for shutdown). */
	flushAll(): Promise<void> {
		return this.updateLog.flushAll();
	}

	/** Settles every relayed edit now (see CollabServer.settleRelayedEdits). */
	async settleRelayed(): Promise<void> {
		await this.relay?.settleAll();
	}

	/** True while some received update is not yet in the database. */
	hasUnwrittenUpdates(): boolean {
		return this.updateLog.hasUnwritten();
	}

	stop(): void {
		this.updateLog.stop();
		this.relay?.stop();
	}
}
