import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../src/lib/server/logger.ts';

export type RequestHandler = (
	request: IncomingMessage,
	response: ServerResponse,
	next?: () => void
) => void;

export interface UpgradeHandler {
	/** Returns true when it took the upgrade. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
}

/**
 * One HTTP server for the whole app: ordinary requests go to SvelteKit's handler and
 * websocket upgrades to the collaboration server, so both share one origin and port
 * and the session cookie authenticates the websocket too.
 */
export function createAppServer(
	handler: RequestHandler,
	upgrades: UpgradeHandler,
	logger: Logger,
	protocolHeader?: string
): Server {
	const server = createServer((request, response) => {
		// Overwritten, never trusted from the client: this server itself speaks plain HTTP.
		if (protocolHeader) request.headers[protocolHeader] = 'http';
		handler(request, response, () => {
			response.statusCode = 404;
			response.end('Not found');
		});
	});
	server.on('upgrade', (request, socket, head) => {
		socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
		if (upgrades.handleUpgrade(request, socket, head)) return;
		socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
	});
	// Malformed HTTP from a client must not take the process down.
	server.on('clientError', (error, socket) => {
		logger.debug({ err: error }, 'bad HTTP request');
		if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
	});
	return server;
}

export function listen(server: Server, port: number, host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			const address = server.address();
			resolve(typeof address === 'object' && address ? address.port : port);
		});
	});
}
