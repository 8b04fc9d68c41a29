import { DatabaseUnavailableError } from './db/client.ts';
import { DataDirLockedError } from './db/dataDirLock.ts';
import { ConfigError } from './env.ts';

/**
 * Start-up failures an operator can fix (bad configuration, database down, data
 * directory in use) are shown as one line; anything else keeps its stack trace.
 */
export function describeStartupError(error: unknown): string | null {
	const known =
		error instanceof ConfigError ||
		error instanceof DatabaseUnavailableError ||
		error instanceof DataDirLockedError;
	return known ? error.message : null;
}
