import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import type { TestDatabase } from '../db/testing.ts';

let toldWhySkipped = false;

/**
 * The PostgreSQL server of the tests of several instances (TEST_DATABASE_URL), or null:
 * PGlite is one process's embedded database, which a second instance cannot open, so those
 * tests are then skipped, and the run says why once per test file.
 */
export function testPostgresUrl(): string | null {
	const url = process.env.TEST_DATABASE_URL ?? null;
	if (!url && !toldWhySkipped) {
		toldWhySkipped = true;
		console.log(
			'Skipped: TEST_DATABASE_URL is not set, so the tests of several instances sharing PostgreSQL cannot run'
		);
	}
	return url;
}

/**
 * Another server process's hold on the test database: its own pool of connections to the
 * same PostgreSQL database, opened as the server opens DATABASE_URL. Close it before the
 * test database.
 */
export async function openOtherInstance(database: TestDatabase): Promise<DatabaseHandle> {
	if (!database.url) throw new Error('Only a PostgreSQL test database can be shared by instances.');
	return openDatabase({ databaseUrl: database.url, maxConnections: 4 });
}
