import WebSocket from 'ws';

/** Seeded randomness and frame mutations for the websocket fuzz tests. */

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Overwrites, cuts, pads or truncates a frame at random places. */
export function mutate(next: () => number, frame: Uint8Array): Uint8Array {
	const bytes = Array.from(frame);
	const edits = 1 + Math.floor(next() * 4);
	for (let edit = 0; edit < edits; edit++) {
		const at = Math.floor(next() * Math.max(bytes.length, 1));
		switch (Math.floor(next() * 5)) {
			case 0:
				bytes[at] = Math.floor(next() * 256);
				break;
			case 1:
				bytes.splice(at, 1 + Math.floor(next() * 8));
				break;
			case 2:
				bytes.splice(at, 0, ...Array.from({ length: 1 + Math.floor(next() * 8) }, () => 0xff));
				break;
			case 3:
				bytes.length = at;
				break;
			default:
				bytes.splice(at, 0, Math.floor(next() * 256), Math.floor(next() * 256));
		}
	}
	return Uint8Array.from(bytes);
}

/**
 * Sends `frames` frames to `url`, each a random one (a quarter of them) or one of
 * `recorded` mutated, over as many sockets as it takes: a socket sends up to `perSocket`
 * frames, or until the server closes it. Returns how many sockets were used.
 */
export async function sendFuzzedFrames(options: {
	url: string;
	headers: Record<string, string>;
	recorded: readonly Uint8Array[];
	next: () => number;
	frames: number;
	perSocket: number;
}): Promise<number> {
	const { next, recorded } = options;
	let sent = 0;
	let sockets = 0;
	while (sent < options.frames) {
		sockets += 1;
		const raw = new WebSocket(options.url, { headers: options.headers });
		raw.on('error', () => {});
		await new Promise<void>((resolve, reject) => {
			raw.once('open', () => resolve());
			raw.once('error', reject);
		});
		for (
			let onThisSocket = 0;
			onThisSocket < options.perSocket && sent < options.frames;
			onThisSocket++
		) {
			if (raw.readyState !== WebSocket.OPEN) break;
			const base = recorded[Math.floor(next() * recorded.length)] ?? new Uint8Array();
			const frame =
				next() < 0.25
					? Uint8Array.from({ length: Math.floor(next() * 600) }, () => Math.floor(next() * 256))
					: mutate(next, base);
			raw.send(frame);
			sent += 1;
		}
		raw.close();
	}
	return sockets;
}
