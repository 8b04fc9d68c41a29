import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import type postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from './client.ts';
import { adminConnection, databaseUrl, type TestDatabaseTemplate } from './testTemplate.ts';

/**
 * A fresh database for one test file: a new PostgreSQL database with a random name when
 * TEST_DATABASE_URL is set (CI), otherwise an in-memory PGlite. Under Vitest a migrated one
 * is a copy of the run's template (testTemplate.ts), so migrations run once per run rather
 * than once per file; without a template (benchmarks) each database is migrated itself.
 * The returned handle's close() also drops the PostgreSQL database, so runs never share state.
 */
export interface TestDatabase extends DatabaseHandle {
	/** The connection URL of the fresh PostgreSQL database; undefined on PGlite. */
	url: string | undefined;
}

/** 'empty' has no tables at all: for the tests of the migrations themselves. */
type Contents = 'migrated' | 'empty';

let template: TestDatabaseTemplate | undefined;
let snapshot: Blob | undefined;

/** Called by the Vitest set-up file with the template that the global set-up made. */
export function useTestDatabaseTemplate(made: TestDatabaseTemplate): void {
	template = made;
	snapshot = undefined;
}

/** PostgreSQL's "source database is being accessed by other users". */
const OBJECT_IN_USE = '55006';
const COPY_DEADLINE_MS = 30_000;

/**
 * PostgreSQL refuses to copy a database that anyone is connected to (having waited 5 s for
 * them to leave). Copies at the same time are fine and nothing here connects to the
 * template after the global set-up, but a closed connection's server process can linger
 * and someone may be looking at it: so try again until a deadline.
 */
async function copyDatabase(admin: postgres.Sql, name: string, from: string): Promise<void> {
	const deadline = Date.now() + COPY_DEADLINE_MS;
	for (let wait = 50; ; wait = Math.min(wait * 2, 1_000)) {
		try {
			await admin.unsafe(`create database "${name}" template "${from}"`);
			return;
		} catch (error) {
			const code = (error as { code?: unknown }).code;
			if (code !== OBJECT_IN_USE || Date.now() + wait > deadline) throw error;
			await delay(wait);
		}
	}
}

async function createPostgresDatabase(
	serverUrl: string,
	contents: Contents
): Promise<TestDatabase> {
	const name = `coplan_test_${randomBytes(6).toString('hex')}`;
	const from =
		contents === 'migrated' && template?.kind === 'postgres' ? template.databaseName : undefined;
	const admin = adminConnection(serverUrl);
	const dropAndDisconnect = async () => {
		try {
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
		} finally {
			await admin.end({ timeout: 5 });
		}
	};
	let handle: DatabaseHandle | undefined;
	try {
		if (from === undefined) await admin.unsafe(`create database "${name}"`);
		else await copyDatabase(admin, name, from);
		handle = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name), maxConnections: 4 });
		if (contents === 'migrated' && from === undefined) await handle.migrate();
	} catch (error) {
		await handle?.close();
		await dropAndDisconnect();
		throw error;
	}
	const opened = handle;
	return {
		...opened,
		url: databaseUrl(serverUrl, name),
		async close() {
			await opened.close();
			await dropAndDisconnect();
		}
	};
}

async function createPgliteDatabase(contents: Contents): Promise<TestDatabase> {
	if (contents === 'migrated' && template?.kind === 'pglite') {
		// Read once per test file; every database opened from it is a separate copy.
		snapshot ??= new Blob([readFileSync(template.snapshotPath)]);
		return { ...(await openDatabase({ inMemory: true, snapshot })), url: undefined };
	}
	const handle = await openDatabase({ inMemory: true });
	if (contents === 'migrated') await handle.migrate();
	return { ...handle, url: undefined };
}

export function createTestDatabase(contents: Contents = 'migrated'): Promise<TestDatabase> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	return serverUrl ? createPostgresDatabase(serverUrl, contents) : createPgliteDatabase(contents);
}
