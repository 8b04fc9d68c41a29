import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, isEmpty, openDatabase, type DatabaseHandle } from './client.ts';
import { DataDirLockedError } from './dataDirLock.ts';
import { users } from './schema.ts';
import { createTestDatabase } from './testing.ts';

const EXPECTED_TABLES = [
	'users',
	'organisations',
	'memberships',
	'sessions',
	'documents',
	'children',
	'plan_versions',
	'la_decisions',
	'meeting_packs',
	'handovers',
	'child_voice_submissions'
];

async function tableNames(handle: DatabaseHandle): Promise<string[]> {
	const result = await handle.db.execute<{ table_name: string }>(
		sql`select table_name from information_schema.tables where table_schema = 'public'`
	);
	const rows = Array.isArray(result) ? result : (result as { rows: { table_name: string }[] }).rows;
	return rows.map((row) => row.table_name);
}

describe('migrations', () => {
	it('apply on embedded PGlite', async () => {
		const handle = await openDatabase({ inMemory: true });
		try {
			await handle.migrate();
			expect(await tableNames(handle)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
			// Running them again is harmless: already-applied migrations are skipped.
			await handle.migrate();
			expect(await isEmpty(handle.db)).toBe(true);
		} finally {
			await handle.close();
		}
		// Every migration from nothing, twice, in WebAssembly: seconds alone, but up to 35 s
		// in CI, where the journeys and the other test files share the two cores.
	}, 90_000);

	it.runIf(process.env.TEST_DATABASE_URL)('apply on PostgreSQL', async () => {
		const handle = await createTestDatabase('empty');
		try {
			expect(handle.kind).toBe('postgres');
			expect(await tableNames(handle)).toEqual([]);
			await handle.migrate();
			expect(await tableNames(handle)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
		} finally {
			await handle.close();
		}
	});

	it.runIf(process.env.TEST_DATABASE_URL)(
		'apply once when several servers start together on a new PostgreSQL database',
		async () => {
			const first = await createTestDatabase('empty');
			const others = await Promise.all(
				[1, 2].map(() => openDatabase({ databaseUrl: first.url ?? '', maxConnections: 2 }))
			);
			try {
				await Promise.all([first.migrate(), ...others.map((handle) => handle.migrate())]);
				expect(await tableNames(first)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
			} finally {
				await Promise.all(others.map((handle) => handle.close()));
				await first.close();
			}
		}
	);
});

describe('openDatabase', () => {
	it('creates a missing data directory and keeps data across reopening', async () => {
		const root = mkdtempSync(join(tmpdir(), 'coplan-db-'));
		const dataDir = join(root, 'not', 'yet', 'there');
		try {
			const first = await openDatabase({ dataDir });
			await first.migrate();
			await first.db.insert(users).values({ email: 'kept@example.test', name: 'Kept' });
			// A second open of the same directory while the first is open must be refused.
			await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
			await first.close();

			const second = await openDatabase({ dataDir });
			await second.migrate();
			expect(await isEmpty(second.db)).toBe(false);
			await second.close();
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});

	it('reports an unreachable PostgreSQL server in one clear sentence', async () => {
		// Port 1 on loopback: nothing listens there, so the connection is refused at once.
		const attempt = openDatabase({ databaseUrl: 'postgres://coplan:secret@127.0.0.1:1/coplan' });
		await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
		await expect(attempt).rejects.toThrow(
			/^Cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/coplan/
		);
		await expect(attempt).rejects.not.toThrow(/secret/);
	});
});
