import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportedFile, ExportRequest } from './exports.ts';
import { EXPORT_WORKER_FILE } from './exportWorkerFile.ts';

/**
 * Renders exports in worker threads, off the main thread: a 200-action meeting takes
 * long enough to lay out as a PDF that doing it on the main thread would stall every
 * other request and every live meeting on the server meanwhile.
 *
 * The worker is the bundled `export-worker.js` that the server build emits beside its own
 * files (exportWorkerBuild.ts): compiled like the rest of the server, found by looking up
 * from this module's built chunk. Without a build (`vite dev`, or tests that do not pass
 * a path) there is no worker, and exports are rendered on this thread, as they are if a
 * worker cannot be started.
 *
 * One pool per process; it holds no one's data between jobs.
 */

/** The bundled worker, looked for from this module's directory up to build/server. */
export function exportWorkerPath(): string | null {
	let directory = dirname(fileURLToPath(import.meta.url));
	for (let level = 0; level < 6; level++) {
		const candidate = join(directory, EXPORT_WORKER_FILE);
		if (existsSync(candidate)) return candidate;
		const parent = dirname(directory);
		if (parent === directory) break;
		directory = parent;
	}
	return null;
}

/** Limits that keep one person's export from holding up anyone else's. */
export interface ExportLimits {
	/** Worker threads, i.e. exports made at the same time. */
	workers: number;
	/** An export still running after this is stopped (its worker is ended) and reported. */
	timeLimitMs: number;
	/** Exports one person may have waiting or running at once; only one of them runs. */
	perPerson: number;
	/** Exports waiting (not running) on the whole server before new ones are turned away. */
	queueLength: number;
	/** Heap for each worker: a runaway export ends its worker, not the server. */
	workerHeapMb: number;
}

export const DEFAULT_EXPORT_LIMITS: ExportLimits = {
	workers: 2,
	timeLimitMs: 60_000,
	perPerson: 3,
	queueLength: 40,
	workerHeapMb: 512
};

/** Why an export did not come back, in words for the person who asked for it. */
export class ExportError extends Error {
	override name = 'ExportError';
	/** The HTTP status that says it: 429 and 503 may be retried later, 500 not. */
	readonly status: 429 | 500 | 503;

	constructor(message: string, status: 429 | 500 | 503) {
		super(message);
		this.status = status;
	}
}

/** The worker itself stopped or could not start (as opposed to one export failing in it). */
class ExportWorkerStopped extends Error {
	override name = 'ExportWorkerStopped';
}

interface Reply {
	ready?: true;
	id?: number;
	file?: ExportedFile;
	error?: string;
}

interface Job {
	owner: string;
	request: ExportRequest;
	resolve: (file: ExportedFile) => void;
	reject: (error: Error) => void;
}

/** One worker thread, making one export at a time. */
class ExportWorker {
	private readonly worker: Worker;
	private started = false;
	private current: {
		id: number;
		resolve: (file: ExportedFile) => void;
		reject: (error: Error) => void;
	} | null = null;

	constructor(path: string, heapMb: number, onGone: (worker: ExportWorker) => void) {
		this.worker = new Worker(path, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
		// An idle pool must not keep the process alive.
		this.worker.unref();
		this.worker.on('message', (reply: Reply) => {
			if (reply.ready) this.started = true;
			const job = this.current;
			if (!job || job.id !== reply.id) return;
			this.current = null;
			this.worker.unref();
			if (reply.file) job.resolve({ ...reply.file, bytes: new Uint8Array(reply.file.bytes) });
			else job.reject(new Error(`Export failed in its worker: ${reply.error ?? 'unknown error'}`));
		});
		const gone = (error: Error) => {
			this.current?.reject(error);
			this.current = null;
			onGone(this);
		};
		this.worker.on('error', (error) => gone(new ExportWorkerStopped(error.message)));
		this.worker.on('exit', (code) =>
			gone(new ExportWorkerStopped(`Export worker stopped (exit code ${code})`))
		);
	}

	/** Whether the worker's code loaded: one that never did cannot run exports here at all. */
	get everStarted(): boolean {
		return this.started;
	}

	run(id: number, request: ExportRequest): Promise<ExportedFile> {
		return new Promise((resolvePromise, reject) => {
			this.current = { id, resolve: resolvePromise, reject };
			// Busy: keep the process alive until the job is answered.
			this.worker.ref();
			this.worker.postMessage({ id, request });
		});
	}

	async stop(): Promise<void> {
		await this.worker.terminate();
	}
}

/**
 * A queue in front of a few worker threads. Each person has at most one export running
 * and a few waiting; whoever has nothing running goes first, so one person's long export
 * delays someone else's by at most the time limit. An export over the time limit has its
 * worker ended (the only way to stop a synchronous layout) and a fresh one takes its place.
 */
export class ExportPool {
	private readonly limits: ExportLimits;
	private readonly path: string | null;
	private readonly idle: ExportWorker[] = [];
	private readonly queue: Job[] = [];
	private readonly running = new Map<string, number>();
	/** When each owner's latest export started (a counter, not a clock), for taking turns. */
	private readonly lastStarted = new Map<string, number>();
	private starts = 0;
	private busy = 0;
	private nextId = 1;
	private closed = false;

	constructor(limits: Partial<ExportLimits> = {}, path: string | null = exportWorkerPath()) {
		this.limits = { ...DEFAULT_EXPORT_LIMITS, ...limits };
		this.path = path;
	}

	/** True when exports run in worker threads, false when they fall back to this thread. */
	get threaded(): boolean {
		return this.path !== null;
	}

	/** Exports waiting for a worker (not counting those running). */
	get waiting(): number {
		return this.queue.length;
	}

	/** Makes `request` for `owner` (a user id), or refuses at once when too much is waiting. */
	render(request: ExportRequest, owner: string): Promise<ExportedFile> {
		if (this.closed) return Promise.reject(new ExportError('The server is shutting down.', 503));
		const mine =
			(this.running.get(owner) ?? 0) + this.queue.filter((job) => job.owner === owner).length;
		if (mine >= this.limits.perPerson) {
			return Promise.reject(
				new ExportError(
					`You already have ${mine} downloads being prepared. Wait for them to finish, then try again.`,
					429
				)
			);
		}
		if (this.queue.length >= this.limits.queueLength) {
			return Promise.reject(
				new ExportError('The server is busy preparing other downloads. Try again in a minute.', 503)
			);
		}
		return new Promise((resolvePromise, reject) => {
			this.queue.push({ owner, request, resolve: resolvePromise, reject });
			this.dispatch();
		});
	}

	/**
	 * The next job: among owners with nothing running, the one whose last export started
	 * longest ago (never counts as longest), so people take turns; within one owner, first
	 * come first served.
	 */
	private nextJob(): Job | undefined {
		let best = -1;
		let bestStarted = Infinity;
		this.queue.forEach((job, index) => {
			if (this.running.get(job.owner)) return;
			const started = this.lastStarted.get(job.owner) ?? -Infinity;
			if (best < 0 || started < bestStarted) {
				best = index;
				bestStarted = started;
			}
		});
		return best < 0 ? undefined : this.queue.splice(best, 1)[0];
	}

	private dispatch(): void {
		while (this.busy < this.limits.workers) {
			const job = this.nextJob();
			if (!job) return;
			this.busy += 1;
			this.running.set(job.owner, (this.running.get(job.owner) ?? 0) + 1);
			this.lastStarted.set(job.owner, ++this.starts);
			void this.runJob(job.request)
				.then(job.resolve, job.reject)
				.finally(() => {
					this.busy -= 1;
					const left = (this.running.get(job.owner) ?? 1) - 1;
					if (left > 0) this.running.set(job.owner, left);
					else this.running.delete(job.owner);
					this.dispatch();
				});
		}
	}

	private takeWorker(): ExportWorker | null {
		if (!this.path) return null;
		return (
			this.idle.pop() ??
			new ExportWorker(this.path, this.limits.workerHeapMb, (gone) => {
				const index = this.idle.indexOf(gone);
				if (index >= 0) this.idle.splice(index, 1);
			})
		);
	}

	private async runJob(request: ExportRequest): Promise<ExportedFile> {
		const worker = this.takeWorker();
		if (!worker) return this.withinTimeLimit(renderOnThisThread(request), null);
		try {
			const file = await this.withinTimeLimit(worker.run(this.nextId++, request), worker);
			if (!this.closed) this.idle.push(worker);
			return file;
		} catch (error) {
			if (error instanceof ExportWorkerStopped) {
				// No worker thread can run here at all (a missing or broken build): make the
				// export on this thread rather than fail everyone's. One that started and then
				// stopped mid-export (out of memory, say) is not retried here, where it could
				// take the server down with it.
				if (!worker.everStarted) return this.withinTimeLimit(renderOnThisThread(request), null);
				throw new ExportError('Your download could not be prepared. Please try again.', 500);
			}
			if (!(error instanceof ExportError)) this.idle.push(worker);
			throw error;
		}
	}

	/** Rejects after the time limit, ending the worker (if any) that is still at it. */
	private withinTimeLimit(
		work: Promise<ExportedFile>,
		worker: ExportWorker | null
	): Promise<ExportedFile> {
		const seconds = Math.max(1, Math.round(this.limits.timeLimitMs / 1000));
		const limit = `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
		return new Promise((resolvePromise, reject) => {
			const timer = setTimeout(() => {
				void worker?.stop();
				reject(
					new ExportError(
						`This download took longer than ${limit} to prepare and was stopped. The printable web page or the Word document may work for a meeting this long.`,
						503
					)
				);
			}, this.limits.timeLimitMs);
			work.then(
				(file) => {
					clearTimeout(timer);
					resolvePromise(file);
				},
				(error: unknown) => {
					clearTimeout(timer);
					reject(error instanceof Error ? error : new Error(String(error)));
				}
			);
		});
	}

	async close(): Promise<void> {
		this.closed = true;
		for (const job of this.queue.splice(0)) {
			job.reject(new ExportError('The server is shutting down.', 503));
		}
		await Promise.all(this.idle.splice(0).map((worker) => worker.stop()));
	}
}

let shared: ExportPool | null = null;

/** Renders an export for a person in the process's worker pool (see ExportPool). */
/**
 * The fallback when no worker could start. The renderers (PDFKit, docx, fonts) are loaded
 * here, on first use: a server that never renders on its own thread never holds them.
 */
async function renderOnThisThread(request: ExportRequest): Promise<ExportedFile> {
	const { renderExport } = await import('./exports.ts');
	return renderExport(request);
}

export function renderExportOffThread(
	request: ExportRequest,
	owner: string
): Promise<ExportedFile> {
	shared ??= new ExportPool();
	return shared.render(request, owner);
}
