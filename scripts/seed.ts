import { parseEnv } from '../src/lib/server/env.ts';
import { isEmpty, openDatabase } from '../src/lib/server/db/client.ts';
import { formatDemoAccounts, seedDemo } from '../src/lib/server/demo/seed.ts';
import { describeStartupError } from '../src/lib/server/startupErrors.ts';

/**
 * `npm run seed`: puts the demo organisations, people and children into the configured
 * database on purpose (npm start only seeds a new embedded database). It refuses a
 * database that already has users, so it can never mix demo data into real data.
 */
try {
	const env = parseEnv(process.env);
	const database = await openDatabase(
		env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR }
	);
	try {
		await database.migrate();
		if (!(await isEmpty(database.db))) {
			console.error('The database already has users: the demo data was not added.');
			process.exitCode = 1;
		} else {
			console.log(formatDemoAccounts(await seedDemo(database.db)));
		}
	} finally {
		await database.close();
	}
} catch (error) {
	const message = describeStartupError(error);
	console.error(message ? `Cannot seed: ${message}` : error);
	process.exitCode = 1;
}
