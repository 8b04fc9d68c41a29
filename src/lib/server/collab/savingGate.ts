import type { Connection, Document } from '@hocuspocus/server';
import { encodeSavingNotice } from '../../shared/collab/savingNotices.ts';
import type { CollabContext } from './context.ts';

/** Whether saving is paused, as connections see it (CollabContext.saving). */
export interface SavingState {
	readonly paused: boolean;
}

/**
 * Pauses and resumes editing for every connection while saving does not work. A paused
 * connection is read-only to Hocuspocus, which then applies none of its edits (they stay
 * on the person's device, unacknowledged) and is told so in a SavingNotice; on resuming,
 * each connection gets back the editing its access allows and is told to send again
 * what it holds.
 */
export class SavingGate implements SavingState {
	#paused = false;
	readonly #documents: () => Iterable<Document>;

	constructor(documents: () => Iterable<Document>) {
		this.#documents = documents;
	}

	get paused(): boolean {
		return this.#paused;
	}

	set(paused: boolean): void {
		if (this.#paused === paused) return;
		this.#paused = paused;
		for (const document of this.#documents()) {
			for (const connection of document.getConnections() as Connection<CollabContext>[]) {
				this.apply(connection);
			}
		}
	}

	/** Brings one connection in line with the gate and tells it. */
	apply(connection: Connection<CollabContext>): void {
		const allowedToEdit = connection.context.access?.readOnly === false;
		connection.readOnly = !allowedToEdit || this.#paused;
		connection.sendStateless(encodeSavingNotice(this.#paused));
	}
}
