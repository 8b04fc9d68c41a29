import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

/**
 * Latencies through the echo relay (benchServers/echo.ts): `clients` sockets on one path,
 * the first sending a frame every `intervalMs` for `seconds`, timed to its arrival at each
 * of the others, as keystrokes are timed through the Yjs servers.
 */
export async function echoLatencies(
	url: string,
	clients: number,
	intervalMs: number,
	seconds: number
): Promise<{ latencies: number[]; expected: number }> {
	const sockets = Array.from({ length: clients }, () => new WebSocket(`${url}/floor`));
	await Promise.all(
		sockets.map(
			(socket) =>
				new Promise<void>((resolve, reject) => {
					socket.once('open', () => resolve());
					socket.once('error', reject);
				})
		)
	);
	const sentAt: number[] = [];
	const latencies: number[] = [];
	for (const socket of sockets.slice(1)) {
		socket.on('message', (data: Buffer) => {
			const at = sentAt[data.readUInt32LE(0)];
			if (at !== undefined) latencies.push(performance.now() - at);
		});
	}
	const [sender] = sockets;
	if (!sender) throw new Error('no sockets');
	const timer = setInterval(() => {
		const frame = Buffer.alloc(4);
		frame.writeUInt32LE(sentAt.length, 0);
		sentAt.push(performance.now());
		sender.send(frame);
	}, intervalMs);
	await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
	clearInterval(timer);
	const expected = sentAt.length * (clients - 1);
	const deadline = performance.now() + 3000;
	while (latencies.length < expected && performance.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	for (const socket of sockets) socket.terminate();
	return { latencies, expected };
}
