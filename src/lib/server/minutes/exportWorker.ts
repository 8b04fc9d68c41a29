import { parentPort } from 'node:worker_threads';
import { renderExport, type ExportRequest } from '$lib/server/minutes/exports.ts';

/**
 * A worker thread that renders exports (see exportPool.ts), so that laying out a long PDF
 * or Word document never holds up the server's main thread and the people using it.
 */

interface Job {
	id: number;
	request: ExportRequest;
}

// Loaded and ready: the pool tells a worker that cannot run at all from one that stopped.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (job: Job) => {
	renderExport(job.request).then(
		(file) => {
			const { bytes } = file;
			// The bytes are handed over, not copied, when they fill their own buffer.
			const ownsBuffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
			parentPort?.postMessage(
				{ id: job.id, file },
				ownsBuffer && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : []
			);
		},
		(error: unknown) => {
			parentPort?.postMessage({
				id: job.id,
				error: error instanceof Error ? (error.stack ?? error.message) : String(error)
			});
		}
	);
});
