import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
// The reference server's own connection handler (@y/websocket-server 0.1.1, for Yjs 13).
import { docs, setupWSConnection } from '@y/websocket-server/utils';
import { serveBenchControl } from './control.ts';

/** The reference y-websocket server, as its own bin script runs it, without persistence. */
const sockets = new WebSocketServer({ noServer: true });
sockets.on('connection', setupWSConnection);
const http = createServer((_request, response) => response.end('okay'));
http.on('upgrade', (request, socket, head) => {
	sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const { port } = http.address() as AddressInfo;
serveBenchControl(
	// Without persistence, the reference server never lets a document go.
	{ url: `ws://127.0.0.1:${port}`, keepsDocuments: true },
	async () => {
		http.closeAllConnections();
		await new Promise<void>((resolve) => http.close(() => resolve()));
	},
	() => docs.size
);
