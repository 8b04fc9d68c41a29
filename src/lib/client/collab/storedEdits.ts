/**
 * Which of this device's edits the server has stored, from its StoredNotices
 * (shared/collab/savingNotices.ts). Pure bookkeeping, no Yjs or browser: the session
 * feeds it what happens and asks how many changes are not yet stored.
 *
 * - A change that adds content (typing, a new item) is stored once the server's stored
 *   clock for its Yjs client reaches the change's end clock.
 * - A change that only deletes moves no clock, so it waits for the answer to a store
 *   request sent after it (`requestFor`).
 * - After a reload, this device's copy may hold content from earlier visits that never
 *   reached the server: for each client id, whatever lies beyond both what the server
 *   has stored and what came from the server is counted as one unsaved change.
 */

type Clocks = Map<number, number>;

interface LocalChange {
	client: number;
	/** The client's clock after the change; equal to its clock before for a deletion. */
	endClock: number;
	/** For a deletion: the store request whose answer covers it (null: not yet asked). */
	request: number | null;
	deletion: boolean;
}

export class StoredEdits {
	readonly #stored: Clocks = new Map();
	readonly #received: Clocks = new Map();
	#changes: LocalChange[] = [];
	#answered = -1;
	#nextRequest = 0;
	#heardFull = false;
	#restored = false;

	/** The server has sent its full stored state vector at least once. */
	get heardFromServer(): boolean {
		return this.#heardFull;
	}

	/** Stored clocks, to keep with the device's copy for an offline reload. */
	get storedClocks(): ReadonlyMap<number, number> {
		return this.#stored;
	}

	/** Clocks remembered from an earlier visit (before the server has said anything). */
	restore(clocks: Iterable<[number, number]>): void {
		this.#raise(this.#stored, clocks);
		this.#restored = true;
	}

	stored(clocks: Iterable<[number, number]>, full: boolean, request: number | null): void {
		this.#raise(this.#stored, clocks);
		if (full) this.#heardFull = true;
		if (request !== null && request > this.#answered) this.#answered = request;
		this.#prune();
	}

	/** Content that came from the server (someone else's, or ours from an earlier visit). */
	received(clocks: Iterable<[number, number]>): void {
		this.#raise(this.#received, clocks);
	}

	/** A change made here: its client id and that client's clock before and after. */
	local(client: number, clockBefore: number, clockAfter: number): void {
		const deletion = clockAfter <= clockBefore;
		this.#changes.push({ client, endClock: clockAfter, request: null, deletion });
	}

	/**
	 * A store request id to send now if deletions wait for one (after they reach the
	 * server: straight after the change, and again after every reconnect), else null.
	 */
	requestFor(): number | null {
		const waiting = this.#changes.filter((change) => change.deletion);
		if (waiting.length === 0) return null;
		const id = this.newRequest();
		for (const change of waiting) change.request = id;
		return id;
	}

	/** A fresh store request id (answers cover every lower id too). */
	newRequest(): number {
		return this.#nextRequest++;
	}

	/**
	 * Changes not yet stored: this page's own, plus one for each client id whose content
	 * in this device's copy (`localClocks`, e.g. from an earlier visit) lies beyond what
	 * the server has stored and what came from it.
	 */
	unsaved(localClocks: Iterable<[number, number]>): number {
		const open = this.#changes.filter((change) => !this.#isStored(change));
		// Until the server (or a remembered notice) says what is stored, earlier content
		// cannot be told apart from what the server already has.
		if (!this.#heardFull && !this.#restored) return open.length;
		const counted = new Set(open.map((change) => change.client));
		let earlier = 0;
		for (const [client, clock] of localClocks) {
			if (counted.has(client)) continue;
			if (clock > Math.max(this.#stored.get(client) ?? 0, this.#received.get(client) ?? 0)) {
				earlier += 1;
			}
		}
		return open.length + earlier;
	}

	/** Whether an item (by id) holds content this device has that the server has not stored. */
	isUnsaved(id: { client: number; clock: number }): boolean {
		const covered = Math.max(this.#stored.get(id.client) ?? 0, this.#received.get(id.client) ?? 0);
		return id.clock >= covered;
	}

	#isStored(change: LocalChange): boolean {
		if (change.deletion) return change.request !== null && change.request <= this.#answered;
		return (this.#stored.get(change.client) ?? 0) >= change.endClock;
	}

	#prune(): void {
		this.#changes = this.#changes.filter((change) => !this.#isStored(change));
	}

	#raise(target: Clocks, clocks: Iterable<[number, number]>): void {
		for (const [client, clock] of clocks) {
			if (clock > (target.get(client) ?? 0)) target.set(client, clock);
		}
	}
}
