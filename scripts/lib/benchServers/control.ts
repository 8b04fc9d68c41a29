import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

/**
 * With BENCH_CPU_PROF=dir, each span between two `stats` (a scenario, or the connecting
 * before it) is profiled into its own numbered file there, so that seeding the database at
 * start-up does not drown what is measured.
 */
class SpanProfiler {
	private readonly session = new Session();
	private readonly directory: string;
	private span = 0;
	private running = false;

	constructor(directory: string) {
		this.directory = directory;
		this.session.connect();
	}

	async next(): Promise<void> {
		if (this.running) {
			const { profile } = await this.session.post('Profiler.stop');
			const file = join(this.directory, `${process.pid}-span${this.span}.cpuprofile`);
			writeFileSync(file, JSON.stringify(profile));
		} else {
			await this.session.post('Profiler.enable');
		}
		this.span += 1;
		await this.session.post('Profiler.start');
		this.running = true;
	}
}

/**
 * The small protocol between `npm run bench liveEditing` and a server it measures, in its
 * own process: the server prints one JSON line when ready, then answers `stats` on stdin
 * with its event-loop delay since the last `stats` and the documents it holds in memory
 * (one JSON line), answers `gc` with the heap in use after a full collection, and stops
 * on `quit`.
 */
export function serveBenchControl(
	ready: Record<string, unknown>,
	stop: () => Promise<void>,
	/** How many documents the server holds in memory, reported with each `stats`. */
	loadedDocuments: () => number = () => 0
): void {
	const lag = monitorEventLoopDelay({ resolution: 5 });
	lag.enable();
	const directory = process.env.BENCH_CPU_PROF;
	const profiler = directory ? new SpanProfiler(directory) : null;
	process.stdout.write(`${JSON.stringify({ ready: true, ...ready })}\n`);
	const lines = createInterface({ input: process.stdin });
	lines.on('line', (line) => {
		if (line === 'stats') {
			void profiler?.next();
			const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
			process.stdout.write(
				`${JSON.stringify({
					lagP50: ms(lag.percentile(50)),
					lagP99: ms(lag.percentile(99)),
					lagMax: ms(lag.max),
					documents: loadedDocuments(),
					heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
					buffersMb: Math.round(process.memoryUsage().arrayBuffers / 2 ** 20)
				})}\n`
			);
			lag.reset();
		} else if (line === 'gc') {
			// Run with --expose-gc (benchProcess.ts); without it, the heap as it stands.
			(globalThis as { gc?: () => void }).gc?.();
			const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
			process.stdout.write(`${JSON.stringify({ heapMb })}\n`);
		} else if (line === 'quit') {
			void stop().finally(() => process.exit(0));
		}
	});
}
