import * as Y from 'yjs';

interface RelayedEdit {
	update: Uint8Array;
	receivedAt: number;
}

/**
 * Edits that reached this server through Redis from another server, per document, until
 * this server has checked that the database holds them.
 *
 * The server that received an edit from its author logs it within a fraction of a second.
 * If it dies first, the edit survives only in the memory of the servers it was relayed
 * to, and its author, reconnecting to one of them, does not send it again (the server
 * already has it). So each server keeps what was relayed to it and, once the sender has
 * had ample time to log it, logs whatever of it the database still lacks
 * (settleSharedDocument).
 */
export class RelayedEdits {
	private readonly pending = new Map<string, RelayedEdit[]>();

	add(documentName: string, update: Uint8Array, receivedAt = Date.now()): void {
		const edits = this.pending.get(documentName);
		if (edits) edits.push({ update, receivedAt });
		else this.pending.set(documentName, [{ update, receivedAt }]);
	}

	/** Documents holding relayed edits received at or before `before` (ms since epoch). */
	documentsWithEditsBefore(before: number): string[] {
		return [...this.pending.keys()].filter((name) => this.hasEditsBefore(name, before));
	}

	hasEditsBefore(documentName: string, before: number): boolean {
		return (this.pending.get(documentName)?.[0]?.receivedAt ?? Infinity) <= before;
	}

	/** When the newest relayed edit of the document arrived (null when there is none). */
	newest(documentName: string): number | null {
		return this.pending.get(documentName)?.at(-1)?.receivedAt ?? null;
	}

	/**
	 * Removes the document's edits received at or before `before` and returns them as one
	 * update (null when there are none). A caller that fails to settle them gives them
	 * back with `restore`.
	 */
	take(documentName: string, before: number): Uint8Array | null {
		const edits = this.pending.get(documentName);
		if (!edits) return null;
		const count = edits.findIndex((edit) => edit.receivedAt > before);
		const taken = count === -1 ? edits.splice(0) : edits.splice(0, count);
		if (edits.length === 0) this.pending.delete(documentName);
		if (taken.length === 0) return null;
		if (taken.length === 1) return taken[0]?.update ?? null;
		return Y.mergeUpdates(taken.map((edit) => edit.update));
	}

	/** Puts back edits that could not be settled, ahead of any received since. */
	restore(documentName: string, update: Uint8Array, receivedAt: number): void {
		const edits = this.pending.get(documentName) ?? [];
		edits.unshift({ update, receivedAt });
		this.pending.set(documentName, edits);
	}

	forget(documentName: string): void {
		this.pending.delete(documentName);
	}

	get size(): number {
		return this.pending.size;
	}
}
