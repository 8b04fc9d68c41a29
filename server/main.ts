import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../src/lib/server/env.ts';
import { formatDemoAccounts } from '../src/lib/server/demo/seed.ts';
import { startRuntime, stopRuntime, type Runtime } from '../src/lib/server/runtime.ts';
import { startReminderScheduler } from '../src/lib/server/services/reminders/scheduler.ts';
import { describeStartupError } from '../src/lib/server/startupErrors.ts';
import { createAppServer, listen, type RequestHandler } from './appServer.ts';
import { createCollabServer } from './collab/createCollabServer.ts';

/** Production entry: SvelteKit's built handler and the collaboration server on one port. */

process.env.NODE_ENV ??= 'production';
// SvelteKit's Node adapter refuses request bodies over 512 KB by default; advice uploads
// may be 20 MB (services/advice/adviceForm.ts), plus the form's other fields. Read when
// the handler is imported, below. An operator may still set a different limit.
process.env.BODY_SIZE_LIMIT ??= '21M';
const SHUTDOWN_DEADLINE_MS = 8000;

/** Start-up failures an operator can fix get one clear line, not a stack trace. */
function failStart(error: unknown): never {
	const message = describeStartupError(error);
	console.error(message ? `Coplan cannot start: ${message}` : error);
	process.exit(1);
}

/**
 * Without ORIGIN, SvelteKit's Node adapter assumes https, so the form CSRF check would
 * refuse every form served over plain http (e.g. http://localhost:3000). Unless the
 * operator configured ORIGIN or PROTOCOL_HEADER (behind a proxy), the app server marks
 * each request as plain http through a header of its own.
 */
const INTERNAL_PROTOCOL_HEADER = 'x-coplan-protocol';
function internalProtocolHeader(origin: string | undefined): string | undefined {
	if (origin || process.env.PROTOCOL_HEADER) return undefined;
	process.env.PROTOCOL_HEADER = INTERNAL_PROTOCOL_HEADER;
	return INTERNAL_PROTOCOL_HEADER;
}

async function loadSvelteKitHandler(): Promise<RequestHandler> {
	const path = resolve(process.env.COPLAN_BUILD_DIR ?? 'build', 'handler.js');
	if (!existsSync(path)) {
		throw new ConfigError(
			`No build found at ${path}. Run "npm run build" (npm start does this for you).`
		);
	}
	const module = (await import(pathToFileURL(path).href)) as { handler: RequestHandler };
	return module.handler;
}

function describeUrl(host: string, port: number): string {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	return `http://${shown}:${port}`;
}

async function main(): Promise<void> {
	let runtime: Runtime;
	let handler: RequestHandler;
	let protocolHeader: string | undefined;
	try {
		runtime = await startRuntime();
		// Must be set before the handler module loads: the adapter reads it once.
		protocolHeader = internalProtocolHeader(runtime.env.ORIGIN);
		handler = await loadSvelteKitHandler();
	} catch (error) {
		await stopRuntime();
		failStart(error);
	}
	const { env, logger, database } = runtime;
	const collab = createCollabServer({ db: database.db, logger, origin: env.ORIGIN });
	const server = createAppServer(handler, collab, logger, protocolHeader);
	let port: number;
	try {
		port = await listen(server, env.PORT, env.HOST);
	} catch (error) {
		await stopRuntime();
		failStart(
			new ConfigError(`cannot listen on ${env.HOST}:${env.PORT}: ${(error as Error).message}`)
		);
	}

	const url = env.ORIGIN ?? describeUrl(env.HOST, port);
	logger.info({ port, database: database.kind }, 'Coplan is listening');
	// Daily reminder emails of due actions, sent once per person per day (see scheduler.ts).
	const reminders = startReminderScheduler({
		db: database.db,
		mailer: runtime.mailer,
		logger,
		origin: url
	});
	// One block, with the address last: it is what people look for, and a reader of this
	// output (a test, a supervisor) that has seen it has seen everything printed before it.
	const startupSummary = [
		database.kind === 'pglite'
			? `Embedded database in ${resolve(env.DATA_DIR)}`
			: 'Using the PostgreSQL database from DATABASE_URL',
		...(runtime.secretKeyFileCreated
			? [
					`Made a secret key in ${runtime.secretKeyFileCreated}: keep it with the database`,
					'(two-factor authentication needs it), or set SECRET_KEY instead.'
				]
			: []),
		...(env.REDIS_URL
			? [
					'REDIS_URL is set, but this version of Coplan runs as one instance only:',
					'Redis is not used, so do not start a second instance on the same database.'
				]
			: []),
		...(runtime.seededAccounts ? ['', formatDemoAccounts(runtime.seededAccounts)] : []),
		'',
		`Coplan is running at ${url}`
	];
	console.log(`\n${startupSummary.join('\n')}\n`);

	let stopping = false;
	const shutdown = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		logger.info({ signal }, 'shutting down');
		const deadline = setTimeout(() => {
			logger.error('shutdown took too long; exiting');
			process.exit(1);
		}, SHUTDOWN_DEADLINE_MS);
		deadline.unref();
		// Stop accepting, save every open document, then close what is left.
		reminders.stop();
		server.close();
		await collab
			.destroy()
			.catch((error: unknown) => logger.error({ err: error }, 'saving documents failed'));
		server.closeIdleConnections();
		server.closeAllConnections();
		await stopRuntime();
		logger.info('stopped');
		process.exit(0);
	};
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	process.on('SIGINT', () => void shutdown('SIGINT'));
}

await main();
