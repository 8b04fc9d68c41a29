import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { serveBenchControl } from './control.ts';

/**
 * The floor under every live-editing figure: a websocket relay that passes each frame to
 * the other sockets on the same path, with no Yjs, no hooks and no storage. What a
 * keystroke costs here is the loopback, the websocket library and the measuring clients.
 */
const rooms = new Map<string, Set<WebSocket>>();
const sockets = new WebSocketServer({ noServer: true });
const http = createServer((_request, response) => response.end('okay'));
http.on('upgrade', (request, socket, head) => {
	sockets.handleUpgrade(request, socket, head, (ws) => {
		const path = request.url ?? '/';
		let room = rooms.get(path);
		if (!room) {
			room = new Set();
			rooms.set(path, room);
		}
		const members = room;
		members.add(ws);
		ws.on('message', (data, isBinary) => {
			for (const other of members) if (other !== ws) other.send(data, { binary: isBinary });
		});
		ws.on('close', () => {
			members.delete(ws);
			if (members.size === 0) rooms.delete(path);
		});
	});
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const { port } = http.address() as AddressInfo;
serveBenchControl(
	{ url: `ws://127.0.0.1:${port}` },
	async () => {
		http.closeAllConnections();
		await new Promise<void>((resolve) => http.close(() => resolve()));
	},
	() => rooms.size
);
