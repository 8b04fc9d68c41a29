/**
 * How long the minutes exports take for a very large meeting (200 actions and over
 * 50,000 characters of text) compared with an ordinary one measured in the same run,
 * and whether other users would notice: the longest the main thread's event loop is
 * held up while the export is made on it, and while it is made in the worker pool.
 *
 *   npm run bench minutesExport
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureFreshBuild } from '../lib/freshBuild.ts';
import {
	renderExport,
	type ExportFormat,
	type ExportRequest
} from '../../src/lib/server/minutes/exports.ts';
import { ExportPool } from '../../src/lib/server/minutes/exportPool.ts';
import { EXPORT_WORKER_FILE } from '../../src/lib/server/minutes/exportWorkerFile.ts';
import { buildMinutes } from '../../src/lib/server/minutes/minutesModel.ts';
import type { Minutes } from '../../src/lib/server/minutes/minutesTypes.ts';
import { sampleMeeting } from '../../src/lib/server/minutes/testing/sampleMeeting.ts';

const RUNS = 3;
const FORMATS: ExportFormat[] = ['pdf', 'docx', 'html', 'csv', 'family-pdf'];

function request(minutes: Minutes, format: ExportFormat): ExportRequest {
	return {
		format,
		minutes,
		restricted: null,
		context: { version: null, exportedByName: 'Benchmark', exportedAt: 'now' },
		url: 'https://coplan.example/m',
		now: new Date().toISOString()
	};
}

function textLength(minutes: Minutes): number {
	const texts: string[] = [];
	const walk = (value: unknown) => {
		if (typeof value === 'string') texts.push(value);
		else if (Array.isArray(value)) value.forEach(walk);
		else if (value && typeof value === 'object') Object.values(value).forEach(walk);
	};
	walk(minutes);
	return texts.reduce((sum, text) => sum + text.length, 0);
}

async function median(work: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const started = performance.now();
		await work();
		times.push(performance.now() - started);
	}
	return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
}

/** The longest gap between runs of a 5 ms timer while `work` runs: what other users feel. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
	let last = performance.now();
	let stall = 0;
	const timer = setInterval(() => {
		const now = performance.now();
		stall = Math.max(stall, now - last);
		last = now;
	}, 5);
	await work();
	stall = Math.max(stall, performance.now() - last);
	clearInterval(timer);
	return stall;
}

/** How busy the main thread's event loop was while `work` ran (0 idle, 1 busy throughout). */
async function busy(work: () => Promise<unknown>): Promise<number> {
	const before = performance.eventLoopUtilization();
	await work();
	return performance.eventLoopUtilization(before).utilization;
}

const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

const baseline = (() => {
	const { doc, casework } = sampleMeeting();
	return buildMinutes(doc, casework);
})();
const large = (() => {
	const { doc, casework } = sampleMeeting({ actions: 200, extraText: 50_000 });
	return buildMinutes(doc, casework);
})();

console.log(
	`Ordinary meeting: ${baseline.actions.length} actions, ${textLength(baseline)} characters. ` +
		`Large meeting: ${large.actions.length} actions, ${textLength(large)} characters.`
);
console.log(`Median of ${RUNS} runs each, rendered on the main thread.\n`);
console.log('format       ordinary      large   ratio');
// Warm up: the first render loads fonts and modules.
await renderExport(request(baseline, 'pdf'));
await renderExport(request(baseline, 'docx'));
for (const format of FORMATS) {
	const small = await median(() => renderExport(request(baseline, format)));
	const big = await median(() => renderExport(request(large, format)));
	console.log(
		`${format.padEnd(10)} ${ms(small)} ${ms(big)} ${(big / small).toFixed(1).padStart(6)}x`
	);
}

// The worker the server build emits: the one production runs.
if (!(await ensureFreshBuild())) throw new Error('the build failed');
const pool = new ExportPool(
	{ workers: 2, timeLimitMs: 600_000 },
	resolve('build/server', EXPORT_WORKER_FILE)
);
if (!pool.threaded) throw new Error('no export worker in the build');
await pool.render(request(baseline, 'pdf'), 'bench');
const workerTime = await median(() => pool.render(request(large, 'pdf'), 'bench'));
const stallHere = await longestStall(() => renderExport(request(large, 'pdf')));
const stallInWorker = await longestStall(() => pool.render(request(large, 'pdf'), 'bench'));
const idle = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 300)));
const busyHere = await busy(() => renderExport(request(large, 'pdf')));
const busyInWorker = await busy(() => pool.render(request(large, 'pdf'), 'bench'));
await pool.close();

console.log(`\nLarge PDF through the worker pool: ${ms(workerTime)} (including the hand-over).`);
console.log('Longest hold-up of the main thread while the large PDF is made:');
console.log(`  idle (baseline):    ${ms(idle)}`);
console.log(`  on the main thread: ${ms(stallHere)}  (${(stallHere / idle).toFixed(1)}x idle)`);
console.log(
	`  in a worker thread: ${ms(stallInWorker)}  (${(stallInWorker / idle).toFixed(1)}x idle)`
);
console.log('How busy the main thread was (event loop utilisation) while the large PDF was made:');
console.log(`  on the main thread: ${(busyHere * 100).toFixed(0)}%`);
console.log(`  in a worker thread: ${(busyInWorker * 100).toFixed(0)}%`);
