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
