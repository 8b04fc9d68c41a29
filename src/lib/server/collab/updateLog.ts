import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { insertUpdates, type LoggedUpdate } from './documentStore.ts';

/** Something waiting to hear that everything buffered before it is written. */
export type CommitWaiter = () => void;

export interface UpdateLogLimits {
	/** How long received updates wait for the next insert (≤ 250 ms). */
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
	/** Rows per insert statement; a tick with more writes several, one after another. */
	maxRowsPerInsert: number;
}

export const DEFAULT_UPDATE_LOG_LIMITS: UpdateLogLimits = {
	flushDelayMs: 50,
	retryDelayMs: 250,
	maxRetryDelayMs: 5000,
	pauseAfterFailingMs: 3000,
	maxDocumentBytes: 8 * 1024 * 1024,
	maxTotalBytes: 64 * 1024 * 1024,
	maxRowsPerInsert: 2000
};

/**
 * What a batch covers, captured when it is taken for writing (e.g. a state vector): the
 * log passes it from `coverage` to `committed` without looking inside.
 */
export interface UpdateLogEvents<Coverage> {
	/**
	 * Called as a document's rows are taken for writing: what the document holds at that
	 * moment, every update of which is in this write or an earlier one.
	 */
	coverage(documentName: string): Coverage | null;
	/** A document's rows are in the database, up to log position `seq`. */
	committed(documentName: string, seq: number, coverage: Coverage | null): void;
	/** Saving has paused (true) or resumed (false). */
	pausedChanged(paused: boolean): void;
	/** A write succeeded: how long it took and how many rows it held (for metrics). */
	written?(seconds: number, rows: number): void;
}

interface DocumentBuffer {
	rows: LoggedUpdate[];
	bytes: number;
	/** Waiting for the rows now in the buffer. */
	waiters: CommitWaiter[];
	/** Waiting for the rows being written now (null when none of this document's are). */
	writing: CommitWaiter[] | null;
}

interface TakenDocument<Coverage> {
	name: string;
	buffer: DocumentBuffer;
	rows: LoggedUpdate[];
	bytes: number;
	waiters: CommitWaiter[];
	coverage: Coverage | null;
}

/**
 * The write side of the update log. Received updates wait in per-document buffers for
 * the next tick, when one insert writes every document's rows (one statement per tick
 * across documents rather than one per document: with many meetings of one typist each,
 * per-document inserts were most of the server's work). Writes run one at a time, so the
 * log keeps arrival order. A failed insert keeps its rows (ahead of anything newer) and
 * is retried with a growing delay. When writes have failed for a few seconds, or too much
 * waits in memory, saving pauses: the owner stops taking edits until every buffer is
 * written again, which resumes it.
 */
export class UpdateLog<Coverage = unknown> {
	private readonly db: Database;
	private readonly log: Logger;
	private readonly limits: UpdateLogLimits;
	private readonly events: UpdateLogEvents<Coverage>;
	private readonly buffers = new Map<string, DocumentBuffer>();
	private totalBytes = 0;
	private timer: ReturnType<typeof setTimeout> | null = null;
	/** The write under way, if any; the next one starts after it. */
	private writing: Promise<void> = Promise.resolve();
	private failingSince: number | null = null;
	private failures = 0;
	private pausedNow = false;
	private stopped = false;

	constructor(
		db: Database,
		logger: Logger,
		limits: UpdateLogLimits,
		events: UpdateLogEvents<Coverage>
	) {
		this.db = db;
		this.log = logger;
		this.limits = { ...limits, flushDelayMs: Math.min(limits.flushDelayMs, 250) };
		this.events = events;
	}

	/** Saving is paused: the database is failing or the buffers are full. */
	get paused(): boolean {
		return this.pausedNow;
	}

	/** Buffers an update for the next tick. */
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
		if (this.failingSince === null) this.schedule(this.limits.flushDelayMs);
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
		if (documentName !== undefined) {
			const buffer = this.buffers.get(documentName);
			return (buffer?.rows.length ?? 0) > 0 || buffer?.writing != null;
		}
		return [...this.buffers.values()].some(
			(buffer) => buffer.rows.length > 0 || buffer.writing !== null
		);
	}

	/**
	 * Writes now, without waiting for the tick; resolves once everything received for the
	 * document (every document, without a name) so far is in the database, and rejects if
	 * that write fails.
	 */
	flush(documentName?: string): Promise<void> {
		if (documentName !== undefined && !this.hasUnwritten(documentName)) return Promise.resolve();
		return new Promise<void>((resolve, reject) => {
			const done = this.writeNow();
			if (documentName === undefined) {
				done.then(resolve, reject);
				return;
			}
			this.afterCommit(documentName, resolve);
			// A failed write keeps the waiter for the retry; this caller hears of the failure.
			done.catch(reject);
		});
	}

	/** Writes every buffered update of every document; never rejects. */
	async flushAll(): Promise<void> {
		await this.flush().catch(() => {});
	}

	/** Forgets a document that has been unloaded with nothing left to write. */
	forget(documentName: string): void {
		if (!this.hasUnwritten(documentName)) this.buffers.delete(documentName);
	}

	stop(): void {
		this.stopped = true;
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
	}

	private schedule(delayMs: number): void {
		if (this.timer || this.stopped) return;
		this.timer = setTimeout(() => {
			this.timer = null;
			this.writeNow().catch(() => {});
		}, delayMs);
		this.timer.unref?.();
	}

	/** Queues one write of everything buffered when it starts. */
	private writeNow(): Promise<void> {
		if (this.timer) {
			clearTimeout(this.timer);
			this.timer = null;
		}
		const next = this.writing.catch(() => {}).then(() => this.write());
		this.writing = next;
		return next;
	}

	private take(): TakenDocument<Coverage>[] {
		const taken: TakenDocument<Coverage>[] = [];
		for (const [name, buffer] of this.buffers) {
			if (buffer.rows.length === 0) continue;
			const rows = buffer.rows.splice(0);
			const waiters = buffer.waiters.splice(0);
			buffer.writing = waiters;
			taken.push({
				name,
				buffer,
				rows,
				waiters,
				bytes: rows.reduce((sum, row) => sum + row.update.byteLength, 0),
				coverage: this.events.coverage(name)
			});
		}
		return taken;
	}

	private async write(): Promise<void> {
		const taken = this.take();
		if (taken.length === 0) return;
		const rows = taken.flatMap((document) => document.rows);
		let lastSeq: Map<string, number>;
		const started = performance.now();
		try {
			lastSeq = await this.insert(rows);
			this.events.written?.((performance.now() - started) / 1000, rows.length);
		} catch (error) {
			// Keep the rows, ahead of anything newer: nothing is reported stored until written.
			for (const document of taken) {
				document.buffer.rows.unshift(...document.rows);
				document.buffer.waiters.unshift(...document.waiters);
				document.buffer.writing = null;
			}
			this.failed(error, taken.length);
			throw error;
		}
		for (const document of taken) {
			document.buffer.writing = null;
			document.buffer.bytes -= document.bytes;
			this.totalBytes -= document.bytes;
			const seq = lastSeq.get(document.name);
			if (seq !== undefined) this.events.committed(document.name, seq, document.coverage);
			this.release(document.waiters);
		}
		this.succeeded();
	}

	/** Inserts rows in order, in statements of at most maxRowsPerInsert; the last seq of each document. */
	private async insert(rows: LoggedUpdate[]): Promise<Map<string, number>> {
		const lastSeq = new Map<string, number>();
		for (let start = 0; start < rows.length; start += this.limits.maxRowsPerInsert) {
			const chunk = rows.slice(start, start + this.limits.maxRowsPerInsert);
			const written = await insertUpdates(this.db, chunk);
			for (const { documentName, seq } of written) {
				lastSeq.set(documentName, Math.max(seq, lastSeq.get(documentName) ?? 0));
			}
		}
		return lastSeq;
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

	private failed(error: unknown, documents: number): void {
		const now = Date.now();
		this.failingSince ??= now;
		this.failures += 1;
		if (this.failures === 1 || this.failures % 10 === 0) {
			this.log.error(
				{ err: error, documents, failures: this.failures },
				'writing the update log failed; edits are kept in memory and retried'
			);
		}
		if (now - this.failingSince >= this.limits.pauseAfterFailingMs) {
			this.setPaused(true, 'the database is not answering');
		}
		const delay = Math.min(
			this.limits.retryDelayMs * 2 ** Math.min(this.failures - 1, 16),
			this.limits.maxRetryDelayMs
		);
		this.schedule(delay);
	}

	private succeeded(): void {
		if (this.failingSince !== null) {
			this.log.info(
				{ failedForMs: Date.now() - this.failingSince },
				'writing the update log works again'
			);
			this.failingSince = null;
			this.failures = 0;
		}
		if (this.hasUnwritten()) {
			// Arrived during the write (or while failing): write them at the next tick.
			this.schedule(this.limits.flushDelayMs);
			return;
		}
		this.setPaused(false, 'every edit is written');
	}

	private setPaused(paused: boolean, why: string): void {
		if (this.pausedNow === paused) return;
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
}
