import type { Logger } from '../logger.ts';
import { DatabaseUnavailableError } from './client.ts';

export interface WaitOptions {
	logger: Logger;
	/** Give up after this long; null waits for as long as it takes. */
	maxWaitMs: number | null;
	/** Between attempts (a few seconds: one log line each). */
	intervalMs?: number;
	/** Tests replace the clock's waiting. */
	sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Opens the database, waiting while it cannot be reached (a database that starts after
 * Coplan, or is briefly down during a deployment) with one clear log line per attempt,
 * a few seconds apart, instead of exiting at once or hanging silently. Other errors (a
 * bad data directory, a failed migration) are not waited on.
 */
export async function openWhenReachable<T>(
	open: () => Promise<T>,
	options: WaitOptions
): Promise<T> {
	const intervalMs = options.intervalMs ?? 3000;
	const sleep = options.sleep ?? defaultSleep;
	const startedAt = Date.now();
	for (let attempt = 1; ; attempt++) {
		try {
			const opened = await open();
			if (attempt > 1) options.logger.info({ attempts: attempt }, 'the database answers: starting');
			return opened;
		} catch (error) {
			if (!(error instanceof DatabaseUnavailableError)) throw error;
			const waited = Date.now() - startedAt;
			if (options.maxWaitMs !== null && waited + intervalMs > options.maxWaitMs) throw error;
			options.logger.warn(
				`${error.message}. Waiting for the database: trying again in ${Math.round(intervalMs / 1000)} s (attempt ${attempt}).`
			);
			await sleep(intervalMs);
		}
	}
}
