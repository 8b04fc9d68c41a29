import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { DatabaseUnavailableError } from './client.ts';
import { openWhenReachable } from './waitForDatabase.ts';

/** A logger whose lines the test can read. */
function recordingLogger() {
	const lines: string[] = [];
	const logger = createLogger('info');
	logger.warn = ((message: string) => void lines.push(message)) as typeof logger.warn;
	logger.info = (() => {}) as typeof logger.info;
	return { logger, lines };
}

const unreachable = () =>
	new DatabaseUnavailableError('Cannot reach the PostgreSQL database at db:5432/coplan: refused');

describe('opening the database when it is reachable', () => {
	it('waits with one clear line per attempt until the database answers', async () => {
		const { logger, lines } = recordingLogger();
		const waits: number[] = [];
		let attempts = 0;
		const opened = await openWhenReachable(
			async () => {
				attempts += 1;
				if (attempts < 3) throw unreachable();
				return 'database';
			},
			{ logger, maxWaitMs: null, intervalMs: 3000, sleep: async (ms) => void waits.push(ms) }
		);
		expect(opened).toBe('database');
		expect(waits).toEqual([3000, 3000]);
		expect(lines).toEqual([
			'Cannot reach the PostgreSQL database at db:5432/coplan: refused. Waiting for the database: trying again in 3 s (attempt 1).',
			'Cannot reach the PostgreSQL database at db:5432/coplan: refused. Waiting for the database: trying again in 3 s (attempt 2).'
		]);
	});

	it('gives up with the reason once the wait would pass the limit', async () => {
		const { logger } = recordingLogger();
		const attempt = openWhenReachable(
			async () => {
				throw unreachable();
			},
			{ logger, maxWaitMs: 0, sleep: async () => {} }
		);
		await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
	});

	it('does not wait on errors that waiting cannot fix', async () => {
		const { logger, lines } = recordingLogger();
		const attempt = openWhenReachable(
			async () => {
				throw new Error('migration 0007 failed');
			},
			{ logger, maxWaitMs: null, sleep: async () => {} }
		);
		await expect(attempt).rejects.toThrow('migration 0007 failed');
		expect(lines).toEqual([]);
	});
});
