import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { join, resolve } from 'node:path';
import {
	DatabaseUnavailableError,
	migrationsFolder,
	type Database,
	type DatabaseHandle
} from './client.ts';
import { lockDataDir, type DataDirLock } from './dataDirLock.ts';
import * as schema from './schema.ts';

/** The embedded database (PGlite): used when no DATABASE_URL is set, and by tests. */

/** An in-memory PGlite, empty or a copy of a snapshot, opened the same way either way. */
function createInMemoryPglite(snapshot: Blob | undefined): Promise<PGlite> {
	return PGlite.create(snapshot ? { loadDataDir: snapshot } : {});
}

export async function openPgliteDataDir(dataDir: string): Promise<DatabaseHandle> {
	const lock = lockDataDir(dataDir);
	try {
		return pgliteHandle(await PGlite.create(join(resolve(dataDir), 'pglite')), lock);
	} catch (error) {
		lock.release();
		throw new DatabaseUnavailableError(
			`Cannot open the embedded database in ${dataDir}: ${(error as Error).message}`
		);
	}
}

function pgliteHandle(client: PGlite, lock?: DataDirLock): DatabaseHandle {
	const pglite = drizzlePglite(client, { schema });
	return {
		db: pglite as unknown as Database,
		kind: 'pglite',
		async ping() {
			await client.query('select 1');
		},
		async migrate() {
			await migratePglite(pglite, { migrationsFolder: migrationsFolder() });
		},
		async close() {
			try {
				if (!client.closed) await client.close();
			} finally {
				lock?.release();
			}
		}
	};
}

/** An in-memory database, empty or a copy of a snapshot. */
export async function openInMemoryPglite(snapshot: Blob | undefined): Promise<DatabaseHandle> {
	return pgliteHandle(await createInMemoryPglite(snapshot));
}

/**
 * A new in-memory database with every migration applied, as an uncompressed tarball of its
 * data directory: tests migrate once per run and open each file's database from it.
 */
export async function migratedEmbeddedSnapshot(): Promise<Blob> {
	const client = await createInMemoryPglite(undefined);
	const handle = pgliteHandle(client);
	try {
		await handle.migrate();
		// Flushed to the data files, so that each copy starts without replaying the log.
		await client.query('checkpoint');
		return await client.dumpDataDir('none');
	} finally {
		await handle.close();
	}
}
