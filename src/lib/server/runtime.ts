import { isEmpty, openDatabase, type DatabaseHandle } from './db/client.ts';
import { openWhenReachable } from './db/waitForDatabase.ts';
import type { DemoAccount } from './demo/accounts.ts';
import { parseEnv, type Env } from './env.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { setSecretKey } from './auth/secretBox.ts';
import { loadSecretKey } from './secretKey.ts';

/**
 * What one Coplan process shares between its HTTP side and its websocket side: the
 * validated configuration, the logger and the one database connection. Opened once per
 * process by the lifecycle (lifecycle.ts), which owns it.
 */
export interface Runtime {
	env: Env;
	logger: Logger;
	database: DatabaseHandle;
	mailer: Mailer;
	/** Demo accounts seeded by this start, if it seeded an empty embedded database. */
	seededAccounts: DemoAccount[] | null;
	/** The key file this start made (no SECRET_KEY, first start), for the start-up summary. */
	secretKeyFileCreated: string | null;
}

/** Validates the configuration, opens and migrates the database, seeds a new demo. */
export async function openRuntime(source: Record<string, string | undefined>): Promise<Runtime> {
	const env = parseEnv(source);
	const logger = createLogger(env.LOG_LEVEL);
	const database = await openWhenReachable(
		() =>
			openDatabase(
				env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR }
			),
		{
			logger,
			maxWaitMs: env.DATABASE_WAIT_SECONDS === undefined ? null : env.DATABASE_WAIT_SECONDS * 1000
		}
	);
	try {
		// Only once the database is there: a start that fails leaves no new key file behind.
		const secretKey = loadSecretKey({ secretKey: env.SECRET_KEY, dataDir: env.DATA_DIR });
		setSecretKey(secretKey.key);
		await database.migrate();
		// The demo is seeded only into a new embedded database: a PostgreSQL database is
		// someone's real one and is seeded only on purpose (npm run seed).
		const seededAccounts =
			database.kind === 'pglite' && (await isEmpty(database.db))
				? await (await import('./demo/seed.ts')).seedDemo(database.db)
				: null;
		return {
			env,
			logger,
			database,
			mailer: createMailer(env.SMTP_URL, database.db, logger),
			seededAccounts,
			secretKeyFileCreated: secretKey.createdFile
		};
	} catch (error) {
		await database.close();
		throw error;
	}
}
