import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { resolve } from 'node:path';
import postgres from 'postgres';
import * as schema from './schema.ts';

/** The one database type the rest of Coplan sees, whichever engine is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
	db: Database;
	kind: 'postgres' | 'pglite';
	/** Applies any migrations in `drizzle/` that have not yet run. */
	migrate(): Promise<void>;
	/** Resolves when the database answers a trivial query. */
	ping(): Promise<void>;
	close(): Promise<void>;
}

export type DatabaseOptions =
	| { databaseUrl: string; maxConnections?: number }
	| { dataDir: string }
	| {
			inMemory: true;
			/** A tarball from migratedEmbeddedSnapshot(): the database starts as a copy of it. */
			snapshot?: Blob;
	  };

/** Thrown when the database cannot be reached or opened; the message is for the operator. */
export class DatabaseUnavailableError extends Error {
	override name = 'DatabaseUnavailableError';
}

/**
 * Vite bundles server code into build/, so a path relative to this module would break:
 * migrations are found from the working directory unless MIGRATIONS_DIR says otherwise.
 */
export function migrationsFolder(): string {
	return resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
}

function describeUrl(databaseUrl: string): string {
	const url = new URL(databaseUrl);
	return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

async function openPostgres(databaseUrl: string, maxConnections = 10): Promise<DatabaseHandle> {
	const client = postgres(databaseUrl, { max: maxConnections, onnotice: () => {} });
	const db = drizzlePostgres(client, { schema }) as unknown as Database;
	const ping = async () => {
		await client`select 1`;
	};
	try {
		await ping();
	} catch (error) {
		await client.end({ timeout: 1 });
		throw new DatabaseUnavailableError(
			`Cannot reach the PostgreSQL database at ${describeUrl(databaseUrl)}: ${(error as Error).message}`
		);
	}
	return {
		db,
		kind: 'postgres',
		ping,
		async migrate() {
			// A dedicated single connection, as drizzle recommends for migrations.
			const migrationClient = postgres(databaseUrl, { max: 1, onnotice: () => {} });
			try {
				// Several servers starting at once on a new database: one migrates, the others
				// wait here and then find every migration applied. Held by this connection until
				// it ends.
				await migrationClient`select pg_advisory_lock(hashtext('coplan-migrations'))`;
				await migratePostgres(drizzlePostgres(migrationClient), {
					migrationsFolder: migrationsFolder()
				});
			} finally {
				await migrationClient.end({ timeout: 5 });
			}
		},
		async close() {
			await client.end({ timeout: 5 });
		}
	};
}

/**
 * The embedded database's code is loaded only when it is used: importing PGlite's driver
 * costs a server on PostgreSQL ~200 MB of memory it would never use.
 */
const embedded = () => import('./embeddedDatabase.ts');

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
	if ('databaseUrl' in options) return openPostgres(options.databaseUrl, options.maxConnections);
	const { openPgliteDataDir, openInMemoryPglite } = await embedded();
	if ('dataDir' in options) return openPgliteDataDir(options.dataDir);
	return openInMemoryPglite(options.snapshot);
}

/**
 * A new in-memory database with every migration applied, as an uncompressed tarball of its
 * data directory: tests migrate once per run and open each file's database from it.
 */
export async function migratedEmbeddedSnapshot(): Promise<Blob> {
	return (await embedded()).migratedEmbeddedSnapshot();
}

/** True when the database has no users yet: the signal to seed the demo on first run. */
export async function isEmpty(db: Database): Promise<boolean> {
	const [anyUser] = await db.select({ id: schema.users.id }).from(schema.users).limit(1);
	return anyUser === undefined;
}
