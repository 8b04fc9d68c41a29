import type { ReadOnlyReason } from '../../shared/collab/closeCodes.ts';
import { listenTo, type ProviderEvents } from './providerEvents.ts';
import { readServerNotice } from './serverNotice.ts';

export type RevertListener = (message: string) => void;

/**
 * What the server says about this connection beyond the document itself: whether it may
 * edit and why not (with the authentication scope, then in access notices whenever the
 * meeting is closed or reopened), and a sentence when it undid a change to a section the
 * chair had locked.
 */
export class ServerNotices {
	#readOnly = $state(false);
	#readOnlyReason = $state<ReadOnlyReason | null>(null);
	// A plain set on purpose: listeners, never rendered.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #revertListeners = new Set<RevertListener>();
	readonly #cleanups: (() => void)[];

	/** `closedAtStart`: the meeting was closed when the page loaded. */
	constructor(provider: ProviderEvents, closedAtStart: boolean) {
		this.#readOnly = closedAtStart;
		this.#readOnlyReason = closedAtStart ? 'meeting-closed' : null;
		this.#cleanups = [
			listenTo<{ scope: string }>(provider, 'authenticated', ({ scope }) => {
				this.#readOnly = scope === 'readonly';
			}),
			listenTo<{ payload: string }>(provider, 'stateless', ({ payload }) => this.#read(payload))
		];
	}

	/** The server's last word on editing. */
	get readOnly(): boolean {
		return this.#readOnly;
	}

	get readOnlyReason(): ReadOnlyReason | null {
		return this.#readOnlyReason;
	}

	/** The chair has closed the meeting (as the page loaded it, then as the server says). */
	get closed(): boolean {
		return this.#readOnlyReason === 'meeting-closed';
	}

	/** Called with a sentence when the server undid our change to a locked section. */
	onReverted(listener: RevertListener): () => void {
		this.#revertListeners.add(listener);
		return () => this.#revertListeners.delete(listener);
	}

	destroy(): void {
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
	}

	#read(payload: string): void {
		const notice = readServerNotice(payload);
		if (notice?.type === 'reverted') {
			for (const listener of this.#revertListeners) listener(notice.message);
		} else if (notice?.type === 'access') {
			this.#readOnly = notice.readOnly;
			this.#readOnlyReason = notice.reason;
		}
	}
}
