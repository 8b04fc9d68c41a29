import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy a test can cut and restore, to stand between a server and its database:
 * cutting destroys every connection through it and refuses new ones, as a database that
 * has gone away would; restoring lets connections through again.
 */
export interface TcpProxy {
	port: number;
	cut(): void;
	restore(): void;
	close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
	const sockets = new Set<Socket>();
	let open = true;
	const server: Server = createServer((client) => {
		if (!open) {
			client.destroy();
			return;
		}
		const upstream = connect(target.port, target.host);
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
			socket.on('error', () => {
				client.destroy();
				upstream.destroy();
			});
		}
		client.pipe(upstream);
		upstream.pipe(client);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		cut() {
			open = false;
			for (const socket of sockets) socket.destroy();
		},
		restore() {
			open = true;
		},
		async close() {
			open = false;
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
