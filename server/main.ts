import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { handOver, type ProcessHandoff } from '../src/lib/server/handoff.ts';
import type { Lifecycle } from '../src/lib/server/lifecycle.ts';

/**
 * Production entry: one HTTP server for SvelteKit's built handler and the collaboration
 * websocket. It creates the server, hands it over (src/lib/server/handoff.ts), imports the
 * built handler — whose `init` hook starts the lifecycle: database, collaboration server,
 * scheduler — then listens, and stops it all in order on a signal.
 *
 * Node runs this file directly, so it imports only the handoff (and types).
 */

process.env.NODE_ENV ??= 'production';
// SvelteKit's Node adapter refuses request bodies over 512 KB by default; advice uploads
// may be 20 MB (services/advice/adviceForm.ts), plus the form's other fields. Read when
// the handler is imported, below. An operator may still set a different limit.
process.env.BODY_SIZE_LIMIT ??= '21M';
const SHUTDOWN_DEADLINE_MS = 8000;

type RequestHandler = (
	request: IncomingMessage,
	response: ServerResponse,
	next: () => void
) => void;

/**
 * Without ORIGIN, SvelteKit's Node adapter assumes https, so the form CSRF check would
 * refuse every form served over plain http (e.g. http://localhost:3000). Unless the
 * operator configured ORIGIN or PROTOCOL_HEADER (behind a proxy), each request is marked
 * as plain http through a header of our own, overwritten and never trusted from clients.
 * Must be set before the handler module loads: the adapter reads it once.
 */
function internalProtocolHeader(): string | undefined {
	if (process.env.ORIGIN || process.env.PROTOCOL_HEADER) return undefined;
	process.env.PROTOCOL_HEADER = 'x-coplan-protocol';
	return process.env.PROTOCOL_HEADER;
}

function createAppServer(protocolHeader: string | undefined): {
	server: Server;
	serve(handler: RequestHandler): void;
} {
	let handler: RequestHandler | undefined;
	const server = createServer((request, response) => {
		if (protocolHeader) request.headers[protocolHeader] = 'http';
		const notFound = () => {
			response.statusCode = 404;
			response.end('Not found');
		};
		if (handler) handler(request, response, notFound);
		else notFound();
	});
	// Malformed HTTP from a client must not take the process down.
	server.on('clientError', (_error, socket) => {
		if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
	});
	return { server, serve: (next) => (handler = next) };
}

/** Imports the built app; its `init` hook starts the lifecycle on the handed-over server. */
async function loadBuiltApp(handoff: ProcessHandoff): Promise<{
	handler: RequestHandler;
	lifecycle: Lifecycle;
}> {
	const path = resolve(process.env.COPLAN_BUILD_DIR ?? 'build', 'handler.js');
	if (!existsSync(path)) {
		throw new StartupProblem(
			`No build found at ${path}. Run "npm run build" (npm start does this for you).`
		);
	}
	const module = (await import(pathToFileURL(path).href)) as { handler: RequestHandler };
	if (!handoff.lifecycle) throw new Error('The built app did not start Coplan (no init hook?)');
	return { handler: module.handler, lifecycle: await handoff.lifecycle };
}

/** A start-up problem the operator can fix, shown as one line. */
class StartupProblem extends Error {}

/** One line for what an operator can fix (the app's own errors carry an `operatorMessage`). */
function failStart(error: unknown): never {
	const message =
		error instanceof StartupProblem
			? error.message
			: error instanceof Error && 'operatorMessage' in error
				? String(error.operatorMessage)
				: null;
	console.error(message ? `Coplan cannot start: ${message}` : error);
	process.exit(1);
}

function listen(server: Server, port: number, host: string): Promise<number> {
	return new Promise((resolvePort, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			const address = server.address();
			resolvePort(typeof address === 'object' && address ? address.port : port);
		});
	});
}

function describeUrl(host: string, port: number): string {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	return `http://${shown}:${port}`;
}

async function main(): Promise<void> {
	const app = createAppServer(internalProtocolHeader());
	const handoff: ProcessHandoff = { httpServer: app.server, ownsUpgrades: true };
	handOver(handoff);
	let lifecycle: Lifecycle;
	try {
		const built = await loadBuiltApp(handoff);
		app.serve(built.handler);
		lifecycle = built.lifecycle;
	} catch (error) {
		await handoff.lifecycle?.then((started) => started.stop()).catch(() => undefined);
		failStart(error);
	}
	const { env, logger } = lifecycle.runtime;
	let port: number;
	try {
		port = await listen(app.server, env.PORT, env.HOST);
	} catch (error) {
		await lifecycle.stop();
		failStart(new StartupProblem(`cannot listen on ${env.HOST}:${env.PORT}: ${String(error)}`));
	}
	logger.info({ port }, 'Coplan is listening');
	// One block, with the address last: it is what people look for, and a reader of this
	// output (a test, a supervisor) that has seen it has seen everything printed before it.
	const url = env.ORIGIN ?? describeUrl(env.HOST, port);
	console.log(`\n${[...lifecycle.startupSummary, '', `Coplan is running at ${url}`].join('\n')}\n`);

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
		// Stop accepting, save every open document and close the database, then close
		// what is left of the HTTP connections.
		app.server.close();
		await lifecycle.stop();
		app.server.closeIdleConnections();
		app.server.closeAllConnections();
		logger.info('stopped');
		process.exit(0);
	};
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	process.on('SIGINT', () => void shutdown('SIGINT'));
}

await main();
