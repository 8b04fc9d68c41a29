import * as Y from 'yjs';

/**
 * Moves `clocks` (a state vector: for each client, how many of its changes are held) on
 * by what `update` holds, client by client, but only where the update starts at or before
 * the clock already reached: a client's clock never jumps a gap, so it never claims
 * changes the update did not bring. Updates carry no clock for deletions; they move
 * nothing here.
 */
export function advanceContiguous(clocks: Map<number, number>, update: Uint8Array): void {
	const { from, to } = Y.parseUpdateMeta(update);
	for (const [client, end] of to) {
		const start = from.get(client) ?? 0;
		const reached = clocks.get(client) ?? 0;
		if (start <= reached && end > reached) clocks.set(client, end);
	}
}
