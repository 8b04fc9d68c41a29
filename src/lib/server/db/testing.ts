import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from './client.ts';

/**
 * A fresh, migrated database for one test file: a new PostgreSQL database with a random
 * name when TEST_DATABASE_URL is set (CI), otherwise an in-memory PGlite. The returned
 * handle's close() also drops the PostgreSQL database, so runs never share state.
 */
export interface TestDatabase extends DatabaseHandle {
	/** The connection URL of the fresh PostgreSQL database; undefined on PGlite. */
	url: string | undefined;
}

export async function createTestDatabase(): Promise<TestDatabase> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) {
		const handle = await openDatabase({ inMemory: true });
		await handle.migrate();
		return { ...handle, url: undefined };
	}
	const name = `coplan_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${name}"`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: 4 });
	await handle.migrate();
	return {
		...handle,
		url: url.toString(),
		async close() {
			await handle.close();
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end({ timeout: 5 });
		}
	};
}
