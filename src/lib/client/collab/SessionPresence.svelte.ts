import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import {
	authorsOfChange,
	nameByClientId,
	participantsFromAwareness,
	type EditingField,
	type Participant,
	type PresenceUser
} from './presence.ts';
import { listenTo, type ProviderEvents } from './providerEvents.ts';

/**
 * Presence through the Yjs awareness: publishes who this person is and what they are
 * editing, lists everyone with the document open, and remembers every name seen for a
 * client id so that a remote change can be put to its author (people who have left may
 * still have edits arriving).
 */
export class SessionPresence {
	#participants = $state.raw<Participant[]>([]);
	// A plain map on purpose: a lookup, never rendered.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #knownAuthors = new Map<number, string>();
	readonly #awareness: Awareness;
	readonly #doc: Y.Doc;
	readonly #stop: () => void;
	#destroyed = false;

	/**
	 * With a provider, presence also survives losing the connection: see #connectionLost and
	 * #reconnected.
	 */
	constructor(awareness: Awareness, doc: Y.Doc, user: PresenceUser, provider?: ProviderEvents) {
		this.#awareness = awareness;
		this.#doc = doc;
		const refresh = () => this.#refresh();
		awareness.on('change', refresh);
		const stops = [() => awareness.off('change', refresh)];
		if (provider) {
			stops.push(
				listenTo<{ status: string }>(provider, 'status', ({ status }) => {
					if (status === 'disconnected') this.#connectionLost();
				}),
				listenTo<{ state: boolean }>(provider, 'synced', ({ state }) => {
					if (state) this.#reconnected();
				})
			);
		}
		this.#stop = () => stops.forEach((stop) => stop());
		refresh();
		awareness.setLocalStateField('user', user);
	}

	/**
	 * Nobody else can be known to be here while disconnected. Their states go, and so do
	 * their clocks: the server sends each state again on reconnecting with the clock it had,
	 * which the awareness would otherwise ignore as already seen, leaving "Here now (1)"
	 * until each person's next heartbeat, up to 15 s later.
	 */
	#connectionLost(): void {
		const self = this.#doc.clientID;
		const others = [...this.#awareness.getStates().keys()].filter((id) => id !== self);
		removeAwarenessStates(this.#awareness, others, 'connection lost');
		for (const id of [...this.#awareness.meta.keys()]) {
			if (id !== self) this.#awareness.meta.delete(id);
		}
	}

	/**
	 * The server dropped this person when the connection went, and ignores the same state
	 * sent again with the same clock: publishing it anew (a higher clock) brings them back
	 * to everyone at once.
	 */
	#reconnected(): void {
		const state = this.#awareness.getLocalState();
		if (state && !this.#destroyed) this.#awareness.setLocalState({ ...state });
	}

	/** Everyone with this document open, yourself first. */
	get participants(): Participant[] {
		return this.#participants;
	}

	/** What this person is editing, for everyone's "Sam (SaLT) is editing Outcome 2". */
	setEditing(field: EditingField | null): void {
		if (this.#destroyed) return;
		this.#awareness.setLocalStateField('editing', field);
	}

	/** Stops editing `fieldId` only if that is still what this person is editing. */
	clearEditing(fieldId: string): void {
		if (this.#destroyed) return;
		const current = this.#awareness.getLocalState()?.editing as EditingField | null | undefined;
		if (current?.fieldId === fieldId) this.setEditing(null);
	}

	/** Names of whoever made a remote change (several when edits arrive together). */
	authorsOf(transaction: Y.Transaction): string[] {
		return authorsOfChange(
			transaction.beforeState,
			transaction.afterState,
			this.#doc.clientID,
			this.#knownAuthors
		);
	}

	/** Stops following the awareness; the provider's own teardown tells everyone we left. */
	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		this.#stop();
	}

	#refresh(): void {
		const participants = participantsFromAwareness(this.#awareness.getStates(), this.#doc.clientID);
		for (const [clientId, name] of nameByClientId(participants)) {
			this.#knownAuthors.set(clientId, name);
		}
		this.#participants = participants;
	}
}
