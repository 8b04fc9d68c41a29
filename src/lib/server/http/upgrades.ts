import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logger.ts';

export interface UpgradeHandler {
	/** Returns true when it took the upgrade. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
}

/**
 * Routes the HTTP server's websocket upgrades to the collaboration server, so that the app
 * and its websocket share one origin and port and the session cookie authenticates both.
 * Where Coplan owns every upgrade (production) others are refused; in development they
 * are left alone for Vite's own HMR socket.
 */
export function routeUpgrades(
	server: Server,
	handler: UpgradeHandler,
	logger: Logger,
	options: { ownsUpgrades: boolean }
): void {
	server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
		if (handler.handleUpgrade(request, socket, head)) {
			socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
			return;
		}
		if (!options.ownsUpgrades) return;
		socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
		socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
	});
}
