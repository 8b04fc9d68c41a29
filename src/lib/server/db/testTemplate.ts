import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { migratedEmbeddedSnapshot, openDatabase } from './client.ts';

/**
 * The migrated database a test run makes once, for each test file to copy. It crosses from
 * Vitest's global set-up to the test workers, so it holds only plain, serialisable data.
 */
export type TestDatabaseTemplate =
	{ kind: 'pglite'; snapshotPath: string } | { kind: 'postgres'; databaseName: string };

export interface PreparedTestDatabaseTemplate {
	template: TestDatabaseTemplate;
	/** Deletes the template: the snapshot file or the PostgreSQL database. */
	dispose(): Promise<void>;
}

const SNAPSHOT_DIRECTORY_PREFIX = 'coplan-test-template-';

export function databaseUrl(serverUrl: string, databaseName: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${databaseName}`;
	return url.toString();
}

export function adminConnection(serverUrl: string): postgres.Sql {
	return postgres(serverUrl, { max: 1, onnotice: () => {} });
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Snapshot directories whose run was killed before its teardown could delete them. */
function removeOrphanedSnapshots(): void {
	for (const name of readdirSync(tmpdir())) {
		if (!name.startsWith(SNAPSHOT_DIRECTORY_PREFIX)) continue;
		const pid = Number(name.slice(SNAPSHOT_DIRECTORY_PREFIX.length).split('-')[0]);
		if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) {
			rmSync(join(tmpdir(), name), { recursive: true, force: true });
		}
	}
}

async function preparePgliteTemplate(): Promise<PreparedTestDatabaseTemplate> {
	removeOrphanedSnapshots();
	const snapshot = await migratedEmbeddedSnapshot();
	// The process id in the name lets a later run delete it if this run is killed.
	const directory = mkdtempSync(join(tmpdir(), `${SNAPSHOT_DIRECTORY_PREFIX}${process.pid}-`));
	const snapshotPath = join(directory, 'pgdata.tar');
	writeFileSync(snapshotPath, new Uint8Array(await snapshot.arrayBuffer()));
	return {
		template: { kind: 'pglite', snapshotPath },
		async dispose() {
			rmSync(directory, { recursive: true, force: true });
		}
	};
}

async function dropDatabase(serverUrl: string, databaseName: string): Promise<void> {
	const admin = adminConnection(serverUrl);
	try {
		await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
	} finally {
		await admin.end({ timeout: 5 });
	}
}

async function preparePostgresTemplate(serverUrl: string): Promise<PreparedTestDatabaseTemplate> {
	const databaseName = `coplan_template_${randomBytes(6).toString('hex')}`;
	const admin = adminConnection(serverUrl);
	try {
		await admin.unsafe(`create database "${databaseName}"`);
	} finally {
		await admin.end({ timeout: 5 });
	}
	try {
		// Closed before any test copies the template: PostgreSQL refuses to copy a database
		// that anyone is connected to.
		const handle = await openDatabase({ databaseUrl: databaseUrl(serverUrl, databaseName) });
		try {
			await handle.migrate();
		} finally {
			await handle.close();
		}
	} catch (error) {
		await dropDatabase(serverUrl, databaseName);
		throw error;
	}
	return {
		template: { kind: 'postgres', databaseName },
		dispose: () => dropDatabase(serverUrl, databaseName)
	};
}

/** The run's migrated template: a PostgreSQL database if serverUrl is set, else a snapshot. */
export function prepareTestDatabaseTemplate(
	serverUrl: string | undefined
): Promise<PreparedTestDatabaseTemplate> {
	return serverUrl ? preparePostgresTemplate(serverUrl) : preparePgliteTemplate();
}
