import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { appendUpdates, type LoggedUpdate } from './documentStore.ts';

/** Something waiting to hear that everything buffered before it is written. */
export type CommitWaiter = () => void;

export interface UpdateLogLimits {
	/** How long updates of one document are gathered before one insert (≤ 250 ms). */
	flushDelayMs: number;
	/** First wait after a failed insert; doubles on each failure up to `maxRetryDelayMs`. */
	retryDelayMs: number;
	maxRetryDelayMs: number;
	/** Saving pauses once writes have failed for this long, */
	pauseAfterFailingMs: number;
	/** or once this many bytes of one document wait to be written, */
	maxDocumentBytes: number;
	/** or this many bytes in all. */
	maxTotalBytes: number;
}

export const DEFAULT_UPDATE_LOG_LIMITS: UpdateLogLimits = {
	flushDelayMs: 100,
	retryDelayMs: 250,
	maxRetryDelayMs: 5000,
	pauseAfterFailingMs: 3000,
	maxDocumentBytes: 8 * 1024 * 1024,
	maxTotalBytes: 64 * 1024 * 1024
};

/** What a batch covers, captured when it is taken for writing (e.g. a state vector). */
export type Coverage = Map<number, number>;

export interface UpdateLogEvents {
	/**
	 * Called as a batch is taken for writing: what the document holds at that moment,
	 * every update of which is in this batch or an earlier one.
	 */
	coverage(documentName: string): Coverage | null;
	/** A batch of one document is in the database, up to log position `seq`. */
	committed(documentName: string, seq: number, coverage: Coverage | null): void;
	/** Saving has paused (true) or resumed (false). */
	pausedChanged(paused: boolean): void;
}

interface DocumentBuffer {
	rows: LoggedUpdate[];
	bytes: number;
	/** Waiting for the rows now in the buffer. */
	waiters: CommitWaiter[];
	/** Waiting for the rows being written now (null when no write is under way). */
	writing: CommitWaiter[] | null;
}

/**
 * The write side of the update log: received updates are gathered per document for a
 * moment and inserted in one statement, documents' writes one after another so the log
 * keeps arrival order. A failed insert keeps its rows (ahead of anything newer) and is
 * retried with a growing delay. When writes have failed for a few seconds, or too much
 * waits in memory, saving pauses: the owner stops taking edits until every buffer is
 * written again, which resumes it.
 */
export class UpdateLog {
	private readonly db: Database;
	private readonly log: Logger;
	private readonly limits: UpdateLogLimits;
	private readonly events: UpdateLogEvents;
	private readonly buffers = new Map<string, DocumentBuffer>();
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
	private readonly queues = new Map<string, Promise<void>>();
	private totalBytes = 0;
	private failingSince: number | null = null;
	private failures = 0;
	private pausedNow = false;
	private retryTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(db: Database, logger: Logger, limits: UpdateLogLimits, events: UpdateLogEvents) {
		this.db = db;
		this.log = logger;
		this.limits = { ...limits, flushDelayMs: Math.min(limits.flushDelayMs, 250) };
		this.events = events;
	}

	/** Saving is paused: the database is failing or the buffers are full. */
	get paused(): boolean {
		return this.pausedNow;
	}

	/** Buffers an update for writing soon. */
	add(row: LoggedUpdate): void {
		const buffer = this.bufferOf(row.documentName);
		buffer.rows.push(row);
		buffer.bytes += row.update.byteLength;
		this.totalBytes += row.update.byteLength;
		if (
			buffer.bytes > this.limits.maxDocumentBytes ||
			this.totalBytes > this.limits.maxTotalBytes
		) {
			this.setPaused(true, 'too much is waiting to be written');
		}
		if (this.failingSince === null) this.schedule(row.documentName, this.limits.flushDelayMs);
	}

	/** Calls `waiter` once everything received for the document so far is written. */
	afterCommit(documentName: string, waiter: CommitWaiter): void {
		const buffer = this.buffers.get(documentName);
		if (buffer && buffer.rows.length > 0) buffer.waiters.push(waiter);
		else if (buffer?.writing) buffer.writing.push(waiter);
		else this.release([waiter]);
	}

	/** True while some received update of the document (or any, without a name) is unwritten. */
	hasUnwritten(documentName?: string): boolean {
		if (documentName !== undefined) return (this.buffers.get(documentName)?.rows.length ?? 0) > 0;
		return [...this.buffers.values()].some((buffer) => buffer.rows.length > 0);
	}

	/** Writes the document's buffered updates; resolves once they are in the database. */
	flush(documentName: string): Promise<void> {
		this.cancelTimer(documentName);
		return this.enqueue(documentName, () => this.write(documentName));
	}

	/** Writes every buffered update of every document. */
	async flushAll(): Promise<void> {
		await Promise.allSettled([...this.buffers.keys()].map((name) => this.flush(name)));
	}

	/** Runs `task` after the document's writes under way, before any later one. */
	afterWrites(documentName: string, task: () => Promise<void>): Promise<void> {
		return this.enqueue(documentName, task);
	}

	/** Forgets a document that has been unloaded with nothing left to write. */
	forget(documentName: string): void {
		if (this.hasUnwritten(documentName)) return;
		this.cancelTimer(documentName);
		this.buffers.delete(documentName);
	}

	stop(): void {
		for (const name of [...this.timers.keys()]) this.cancelTimer(name);
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = null;
	}

	private async write(documentName: string): Promise<void> {
		const buffer = this.buffers.get(documentName);
		if (!buffer || buffer.rows.length === 0) {
			this.release(buffer?.waiters.splice(0) ?? []);
			return;
		}
		const rows = buffer.rows.splice(0);
		const waiters = buffer.waiters.splice(0);
		const coverage = this.events.coverage(documentName);
		buffer.writing = waiters;
		const bytes = rows.reduce((sum, row) => sum + row.update.byteLength, 0);
		let seq: number | null;
		try {
			seq = await appendUpdates(this.db, rows);
		} catch (error) {
			// Keep the rows, ahead of anything newer: nothing is reported stored until written.
			buffer.rows.unshift(...rows);
			buffer.waiters.unshift(...waiters);
			buffer.writing = null;
			this.failed(error, documentName);
			throw error;
		}
		buffer.writing = null;
		buffer.bytes -= bytes;
		this.totalBytes -= bytes;
		if (seq !== null) this.events.committed(documentName, seq, coverage);
		this.release(waiters);
		this.succeeded();
	}

	private release(waiters: CommitWaiter[]): void {
		for (const waiter of waiters) {
			try {
				waiter();
			} catch (error) {
				this.log.warn({ err: error }, 'a stored-edit notice could not be sent');
			}
		}
	}

	private failed(error: unknown, documentName: string): void {
		const now = Date.now();
		this.failingSince ??= now;
		this.failures += 1;
		if (this.failures === 1 || this.failures % 10 === 0) {
			this.log.error(
				{ err: error, document: documentName, failures: this.failures },
				'writing the update log failed; edits are kept in memory and retried'
			);
		}
		if (now - this.failingSince >= this.limits.pauseAfterFailingMs) {
			this.setPaused(true, 'the database is not answering');
		}
		this.scheduleRetry();
	}

	private succeeded(): void {
		if (this.hasUnwritten()) return;
		if (this.failingSince !== null) {
			this.log.info(
				{ failedForMs: Date.now() - this.failingSince },
				'writing the update log works again'
			);
			this.failingSince = null;
			this.failures = 0;
			if (this.retryTimer) clearTimeout(this.retryTimer);
			this.retryTimer = null;
		}
		this.setPaused(false, 'every edit is written');
	}

	private scheduleRetry(): void {
		if (this.retryTimer) return;
		const delay = Math.min(
			this.limits.retryDelayMs * 2 ** Math.min(this.failures - 1, 16),
			this.limits.maxRetryDelayMs
		);
		this.retryTimer = setTimeout(() => {
			this.retryTimer = null;
			void this.retryRound();
		}, delay);
	}

	/**
	 * Tries one document first (while the database is down one failure per round is
	 * enough), then, if that worked, all the others.
	 */
	private async retryRound(): Promise<void> {
		const pending = [...this.buffers.entries()]
			.filter(([, buffer]) => buffer.rows.length > 0)
			.map(([name]) => name);
		const [first, ...rest] = pending;
		if (first === undefined) {
			this.succeeded();
			return;
		}
		try {
			await this.flush(first);
		} catch {
			return; // failed() has scheduled the next round
		}
		await Promise.allSettled(rest.map((name) => this.flush(name)));
	}

	private setPaused(paused: boolean, why: string): void {
		if (this.pausedNow === paused) return;
		if (!paused && this.totalBytes > this.limits.maxTotalBytes) return;
		this.pausedNow = paused;
		if (paused) this.log.error({ why }, 'saving paused: meetings are read-only until it resumes');
		else this.log.info({ why }, 'saving resumed');
		this.events.pausedChanged(paused);
	}

	private bufferOf(documentName: string): DocumentBuffer {
		let buffer = this.buffers.get(documentName);
		if (!buffer) {
			buffer = { rows: [], bytes: 0, waiters: [], writing: null };
			this.buffers.set(documentName, buffer);
		}
		return buffer;
	}

	private schedule(documentName: string, delayMs: number): void {
		if (this.timers.has(documentName)) return;
		const timer = setTimeout(() => {
			this.timers.delete(documentName);
			this.flush(documentName).catch(() => {});
		}, delayMs);
		this.timers.set(documentName, timer);
	}

	private cancelTimer(documentName: string): void {
		const timer = this.timers.get(documentName);
		if (timer) clearTimeout(timer);
		this.timers.delete(documentName);
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
}
