import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isEmpty, migrationsFolder, type Database } from './client.ts';
import { users } from './schema.ts';
import { createTestDatabase } from './testing.ts';

function migrationCount(): number {
	const journal: unknown = JSON.parse(
		readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')
	);
	const entries = (journal as { entries?: unknown }).entries;
	if (!Array.isArray(entries)) throw new Error('drizzle/meta/_journal.json has no entries');
	return entries.length;
}

async function appliedMigrations(db: Database): Promise<number> {
	const result = await db.execute<{ count: number }>(
		sql`select count(*)::int as count from drizzle.__drizzle_migrations`
	);
	const rows = Array.isArray(result) ? result : (result as { rows: { count: number }[] }).rows;
	return rows[0]?.count ?? 0;
}

describe('createTestDatabase', () => {
	it('gives every caller its own database with every migration applied', async () => {
		const [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
		try {
			expect(await appliedMigrations(first.db)).toBe(migrationCount());
			expect(await appliedMigrations(second.db)).toBe(migrationCount());
			await first.db.insert(users).values({ email: 'only-here@example.test', name: 'Only' });
			expect(await isEmpty(first.db)).toBe(false);
			expect(await isEmpty(second.db)).toBe(true);
		} finally {
			await Promise.all([first.close(), second.close()]);
		}
	});

	it('starts each database empty, whatever an earlier one was given', async () => {
		const earlier = await createTestDatabase();
		await earlier.db.insert(users).values({ email: 'earlier@example.test', name: 'Earlier' });
		await earlier.close();
		const later = await createTestDatabase();
		try {
			expect(await isEmpty(later.db)).toBe(true);
		} finally {
			await later.close();
		}
	});

	it('copies the template for several callers at once', async () => {
		const databases = await Promise.all(Array.from({ length: 4 }, () => createTestDatabase()));
		try {
			const counts = await Promise.all(databases.map((database) => appliedMigrations(database.db)));
			expect(counts).toEqual(databases.map(() => migrationCount()));
		} finally {
			await Promise.all(databases.map((database) => database.close()));
		}
	});

	it('gives an empty database, with no migration applied, when asked', async () => {
		const database = await createTestDatabase('empty');
		try {
			const result = await database.db.execute<{ exists: boolean }>(
				sql`select to_regclass('public.users') is not null as exists`
			);
			const rows = Array.isArray(result)
				? result
				: (result as { rows: { exists: boolean }[] }).rows;
			expect(rows[0]?.exists).toBe(false);
		} finally {
			await database.close();
		}
	});
});
