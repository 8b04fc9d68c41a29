import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBuild } from '../../../../scripts/lib/freshBuild.ts';
import { renderExport, type MinutesExportRequest } from './exports.ts';
import { ExportError, ExportPool } from './exportPool.ts';
import { EXPORT_WORKER_FILE } from './exportWorkerFile.ts';
import { buildMinutes } from './minutesModel.ts';
import { readPdf } from './testing/readPdf.ts';
import { sampleMeeting } from './testing/sampleMeeting.ts';

/** The worker the server build emits (exportWorkerBuild.ts): the one production runs. */
const BUNDLED_WORKER = resolve('build', 'server', EXPORT_WORKER_FILE);
let pool: ExportPool;

beforeAll(async () => {
	if (!(await ensureFreshBuild('ignore'))) throw new Error('vite build failed');
	pool = new ExportPool({ workers: 2 }, BUNDLED_WORKER);
}, 300_000);

afterAll(() => pool.close());

function bigMeeting(): MinutesExportRequest {
	const { doc, casework } = sampleMeeting({ actions: 200, extraText: 50_000 });
	return {
		format: 'pdf',
		minutes: buildMinutes(doc, casework),
		restricted: null,
		context: { version: null, exportedByName: 'Mark Evans', exportedAt: 'today' },
		url: 'https://coplan.example/m',
		now: new Date().toISOString()
	};
}

/**
 * How busy the main thread's event loop was while `work` ran (0: idle, 1: busy all the
 * time). Unlike timings, this does not depend on how loaded the machine is: waiting for
 * a worker counts as idle however long it takes.
 */
async function mainThreadBusy<T>(work: () => Promise<T>): Promise<{ result: T; busy: number }> {
	const before = performance.eventLoopUtilization();
	const result = await work();
	return { result, busy: performance.eventLoopUtilization(before).utilization };
}

describe('exports in worker threads', () => {
	it('runs in a worker and gives the same document as rendering here', async () => {
		expect(pool.threaded).toBe(true);
		const { doc, casework } = sampleMeeting();
		const request: MinutesExportRequest = { ...bigMeeting(), minutes: buildMinutes(doc, casework) };
		const [offThread, here] = await Promise.all([
			pool.render(request, 'sam'),
			renderExport(request)
		]);
		expect(offThread.filename).toBe(here.filename);
		expect((await readPdf(offThread.bytes)).text).toBe((await readPdf(here.bytes)).text);
	});

	it('keeps the main thread free while a 200-action meeting is laid out', async () => {
		const request = bigMeeting();
		expect(request.minutes.actions.length).toBeGreaterThanOrEqual(200);
		const inWorker = await mainThreadBusy(() => pool.render(request, 'sam'));
		const onMainThread = await mainThreadBusy(() => renderExport(request));
		expect((await readPdf(inWorker.result.bytes)).pageCount).toBeGreaterThan(10);
		// Laid out here, the export keeps this thread busy; in the worker it mostly waits.
		expect(onMainThread.busy).toBeGreaterThan(0.6);
		expect(inWorker.busy).toBeLessThan(onMainThread.busy / 3);
	});

	it('finds no worker outside a build (tests, `vite dev`) and renders on this thread', async () => {
		const unbuilt = new ExportPool({ workers: 1 });
		expect(unbuilt.threaded).toBe(false);
		const { doc, casework } = sampleMeeting();
		const file = await unbuilt.render(
			{
				...bigMeeting(),
				format: 'csv',
				minutes: buildMinutes(doc, casework)
			},
			'sam'
		);
		expect(new TextDecoder().decode(file.bytes)).toContain('Number,Action,Owner');
		expect(existsSync(BUNDLED_WORKER)).toBe(true);
	});

	it('makes the export on this thread when no worker can run', async () => {
		const broken = new ExportPool({ workers: 1 }, '/nowhere/export-worker.js');
		const { doc, casework } = sampleMeeting();
		const file = await broken.render(
			{
				...bigMeeting(),
				format: 'csv',
				minutes: buildMinutes(doc, casework)
			},
			'sam'
		);
		expect(new TextDecoder().decode(file.bytes)).toContain('Number,Action,Owner');
		await broken.close();
	});

	it('reports a failed render without stopping the pool', async () => {
		const broken = {
			...bigMeeting(),
			format: 'pdf' as const,
			minutes: null
		} as unknown as MinutesExportRequest;
		await expect(pool.render(broken, 'sam')).rejects.toThrow(/Export failed in its worker/);
		const { doc, casework } = sampleMeeting();
		const file = await pool.render(
			{
				...bigMeeting(),
				format: 'csv',
				minutes: buildMinutes(doc, casework)
			},
			'sam'
		);
		expect(new TextDecoder().decode(file.bytes)).toContain('Number,Action,Owner');
	});
});

function csvRequest(): MinutesExportRequest {
	const { doc, casework } = sampleMeeting();
	return { ...bigMeeting(), format: 'csv', minutes: buildMinutes(doc, casework) };
}

describe('the export queue', () => {
	it('stops an export over the time limit, ends its worker and goes on with a fresh one', async () => {
		const limited = new ExportPool({ workers: 1, timeLimitMs: 50 }, BUNDLED_WORKER);
		try {
			const slow = limited.render(bigMeeting(), 'sam');
			await expect(slow).rejects.toThrow(ExportError);
			await expect(slow).rejects.toThrow(
				/^This download took longer than 1 second to prepare and was stopped\./
			);
			await expect(slow).rejects.toMatchObject({ status: 503 });
			// The next export gets a new worker (a CSV is made well within the limit).
			const patient = new ExportPool({ workers: 1, timeLimitMs: 60_000 }, BUNDLED_WORKER);
			try {
				const file = await patient.render(csvRequest(), 'alex');
				expect(new TextDecoder().decode(file.bytes)).toContain('Number,Action,Owner');
			} finally {
				await patient.close();
			}
		} finally {
			await limited.close();
		}
	});

	it('turns away a person with too many exports waiting, with a message for them', async () => {
		const queue = new ExportPool({ workers: 1, perPerson: 2 }, BUNDLED_WORKER);
		try {
			const first = queue.render(bigMeeting(), 'sam');
			const second = queue.render(csvRequest(), 'sam');
			const third = queue.render(csvRequest(), 'sam');
			await expect(third).rejects.toMatchObject({
				status: 429,
				message:
					'You already have 2 downloads being prepared. Wait for them to finish, then try again.'
			});
			// Someone else is not affected by Sam's limit.
			const others = queue.render(csvRequest(), 'alex');
			await Promise.all([first, second, others]);
		} finally {
			await queue.close();
		}
	});

	it("serves someone with nothing running before a second export of someone else's", async () => {
		const queue = new ExportPool({ workers: 1 }, BUNDLED_WORKER);
		const finished: string[] = [];
		const track = (name: string, work: Promise<unknown>) =>
			work.then(() => {
				finished.push(name);
			});
		try {
			await Promise.all([
				track('sam 1', queue.render(bigMeeting(), 'sam')),
				track('sam 2', queue.render(bigMeeting(), 'sam')),
				track('alex 1', queue.render(csvRequest(), 'alex'))
			]);
			expect(finished).toEqual(['sam 1', 'alex 1', 'sam 2']);
		} finally {
			await queue.close();
		}
	});

	it('refuses new exports when the server-wide queue is full', async () => {
		const queue = new ExportPool({ workers: 1, queueLength: 1 }, BUNDLED_WORKER);
		try {
			const running = queue.render(bigMeeting(), 'sam');
			const waiting = queue.render(csvRequest(), 'alex');
			await expect(queue.render(csvRequest(), 'priya')).rejects.toMatchObject({
				status: 503,
				message: 'The server is busy preparing other downloads. Try again in a minute.'
			});
			await Promise.all([running, waiting]);
		} finally {
			await queue.close();
		}
	});
});
