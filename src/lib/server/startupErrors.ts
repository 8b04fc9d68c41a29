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

/**
 * The production entry (server/main.ts) runs outside SvelteKit's bundle and cannot check
 * these classes, so a start-up error the operator can fix carries its one line with it.
 */
export function withOperatorMessage(error: unknown): unknown {
	const message = describeStartupError(error);
	if (message && error instanceof Error) Object.assign(error, { operatorMessage: message });
	return error;
}
