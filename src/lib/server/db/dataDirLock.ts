import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite does not lock its data directory, and two processes writing one directory
 * corrupt it. This lock file (holding the owner's pid) makes a second Coplan refuse
 * to start instead. A lock left by a process that has died is taken over.
 */
export class DataDirLockedError extends Error {
	override name = 'DataDirLockedError';
}

export interface DataDirLock {
	release(): void;
}

const LOCK_FILE = 'coplan.lock';

function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM means the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readOwner(path: string): number | undefined {
	try {
		const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
		return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

export function lockDataDir(dataDir: string): DataDirLock {
	mkdirSync(dataDir, { recursive: true });
	const path = join(dataDir, LOCK_FILE);
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			let released = false;
			return {
				release() {
					if (released) return;
					released = true;
					if (readOwner(path) === process.pid) rmSync(path, { force: true });
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = readOwner(path);
			// Our own pid counts too: one process opening the directory twice corrupts it as well.
			if (owner !== undefined && processIsAlive(owner)) {
				throw new DataDirLockedError(
					`The data directory ${dataDir} is already in use by another Coplan process (pid ${owner}). ` +
						'Stop that process first, or set DATA_DIR to another directory.'
				);
			}
			rmSync(path, { force: true });
		}
	}
	throw new DataDirLockedError(`Could not lock the data directory ${dataDir}.`);
}
