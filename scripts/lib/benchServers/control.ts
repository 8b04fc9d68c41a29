import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

/**
 * The small protocol between `npm run bench liveEditing` and a server it measures, in its
 * own process: the server prints one JSON line when ready, then answers `stats` on stdin
 * with its event-loop delay since the last `stats` (one JSON line), and stops on `quit`.
 */
export function serveBenchControl(ready: Record<string, unknown>, stop: () => Promise<void>): void {
	const lag = monitorEventLoopDelay({ resolution: 5 });
	lag.enable();
	process.stdout.write(`${JSON.stringify({ ready: true, ...ready })}\n`);
	const lines = createInterface({ input: process.stdin });
	lines.on('line', (line) => {
		if (line === 'stats') {
			const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
			process.stdout.write(
				`${JSON.stringify({
					lagP50: ms(lag.percentile(50)),
					lagP99: ms(lag.percentile(99)),
					lagMax: ms(lag.max)
				})}\n`
			);
			lag.reset();
		} else if (line === 'quit') {
			void stop().finally(() => process.exit(0));
		}
	});
}
