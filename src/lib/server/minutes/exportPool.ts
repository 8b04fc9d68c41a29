import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { renderExport, type ExportedFile, type ExportRequest } from './exports.ts';
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

/** The worker itself stopped or could not start (as opposed to one export failing in it). */
export class ExportWorkerStopped extends Error {
	override name = 'ExportWorkerStopped';
}

interface Pending {
	resolve: (file: ExportedFile) => void;
	reject: (error: Error) => void;
}

interface Reply {
	id: number;
	file?: ExportedFile;
	error?: string;
}

class ExportWorker {
	readonly worker: Worker;
	readonly pending = new Map<number, Pending>();

	constructor(path: string, onExit: (worker: ExportWorker) => void) {
		this.worker = new Worker(path);
		// An idle pool must not keep the process alive.
		this.worker.unref();
		this.worker.on('message', (reply: Reply) => {
			const job = this.pending.get(reply.id);
			if (!job) return;
			this.pending.delete(reply.id);
			if (reply.file) job.resolve({ ...reply.file, bytes: new Uint8Array(reply.file.bytes) });
			else job.reject(new Error(`Export failed in its worker: ${reply.error ?? 'unknown error'}`));
			if (this.pending.size === 0) this.worker.unref();
		});
		const fail = (error: Error) => {
			for (const job of this.pending.values()) job.reject(error);
			this.pending.clear();
			onExit(this);
		};
		this.worker.on('error', (error) => fail(new ExportWorkerStopped(error.message)));
		this.worker.on('exit', (code) =>
			fail(new ExportWorkerStopped(`Export worker stopped (exit code ${code})`))
		);
	}

	run(id: number, request: ExportRequest): Promise<ExportedFile> {
		return new Promise((resolvePromise, reject) => {
			this.pending.set(id, { resolve: resolvePromise, reject });
			// Busy: keep the process alive until the job is answered.
			this.worker.ref();
			this.worker.postMessage({ id, request });
		});
	}
}

export class ExportPool {
	private readonly size: number;
	private readonly workers: ExportWorker[] = [];
	private nextId = 1;
	private readonly path: string | null;

	constructor(size = 2, path: string | null = exportWorkerPath()) {
		this.size = size;
		this.path = path;
	}

	/** True when exports run in worker threads, false when they fall back to this thread. */
	get threaded(): boolean {
		return this.path !== null;
	}

	private pick(): ExportWorker | null {
		if (!this.path) return null;
		if (this.workers.length < this.size) {
			const worker = new ExportWorker(this.path, (gone) => {
				const index = this.workers.indexOf(gone);
				if (index >= 0) this.workers.splice(index, 1);
			});
			this.workers.push(worker);
			return worker;
		}
		return this.workers.reduce((least, worker) =>
			worker.pending.size < least.pending.size ? worker : least
		);
	}

	render(request: ExportRequest): Promise<ExportedFile> {
		const worker = this.pick();
		if (!worker) return renderExport(request);
		// A worker that dies (or cannot start) must not cost anyone their export.
		return worker.run(this.nextId++, request).catch((error: unknown) => {
			if (error instanceof ExportWorkerStopped) return renderExport(request);
			throw error;
		});
	}

	async close(): Promise<void> {
		const workers = this.workers.splice(0);
		await Promise.all(workers.map((worker) => worker.worker.terminate()));
	}
}

let shared: ExportPool | null = null;

/** Renders an export in the process's worker pool. */
export function renderExportOffThread(request: ExportRequest): Promise<ExportedFile> {
	shared ??= new ExportPool();
	return shared.render(request);
}
