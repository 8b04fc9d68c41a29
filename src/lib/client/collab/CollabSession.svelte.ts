import {
	HocuspocusProvider,
	HocuspocusProviderWebsocket,
	type onStatusParameters
} from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { collabClientToken } from '../../shared/collab/clientToken.ts';
import {
	COLLAB_CLOSE_MESSAGES,
	COLLAB_DENIAL,
	describeRevert,
	parseAccessNotice,
	parseRevertNotice,
	type ReadOnlyReason
} from '../../shared/collab/closeCodes.ts';
import type { DocumentKind } from '../../shared/collab/documentName.ts';
import {
	nameByClientId,
	participantsFromAwareness,
	type EditingField,
	type Participant,
	type PresenceUser
} from './presence.ts';
import { markSent, markUnsent, SIGNING_OUT_EVENT, type UnsentMeeting } from '../offlineCopies.ts';
import { describeSyncStatus, type ConnectionState, type SyncStatus } from './syncStatus.ts';

/**
 * One live document in the browser: the Hocuspocus provider (same origin, so the session
 * cookie authenticates it), an IndexedDB copy that keeps unsent edits across reloads and
 * dropped connections, presence through the awareness, and the sync status in words.
 * Everything the page shows is a rune, so the UI follows the connection by itself.
 */

export interface CollabSessionOptions {
	/** 'meeting:<id>' or 'restricted:<id>' */
	documentName: string;
	kind: DocumentKind;
	user: PresenceUser;
	/**
	 * IndexedDB database for unsent edits, or null to keep nothing on this device. Name it
	 * per user, so that someone else signing in on the same browser never loads it.
	 */
	offlineStoreName: string | null;
	/** How the sign-out warning names this meeting while it has unsent changes. */
	unsentMeeting?: UnsentMeeting;
	/** The person may look but never edit (the policy said so when the page loaded). */
	viewOnly: boolean;
	/** The meeting was closed when the page loaded; the server keeps us told after that. */
	closedAtStart: boolean;
	/** Defaults to /collab on this page's origin. */
	url?: string;
	/** Tests in Node pass a WebSocket that sends the session cookie. */
	WebSocketPolyfill?: unknown;
}

/** Names of whoever made a remote change (several when edits arrive together). */
export type RemoteChangeListener = (authors: string[]) => void;

export function collabUrl(location: { protocol: string; host: string }): string {
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

export class CollabSession {
	readonly doc: Y.Doc;
	readonly provider: HocuspocusProvider;
	readonly documentName: string;
	readonly user: PresenceUser;
	readonly viewOnly: boolean;

	/** The websocket is open. */
	socketConnected = $state(false);
	/** The browser reports a network connection (navigator.onLine). */
	browserOnline = $state(true);
	/** A connection attempt has failed or an open connection dropped since the page opened. */
	private connectionLost = $state(false);
	/** The first full exchange with the server has finished. */
	everSynced = $state(false);
	unsyncedChanges = $state(0);
	/** The server's last word on editing: read-only, and why. */
	serverReadOnly = $state(false);
	readOnlyReason = $state<ReadOnlyReason | null>(null);
	/** A coded refusal from the server (closeCodes.ts), once it has refused the document. */
	denial = $state<string | null>(null);
	/** A sentence for a connection the server closed because of a problem. */
	problem = $state<string | null>(null);
	/** Everyone with this document open, yourself first. */
	participants = $state.raw<Participant[]>([]);
	/** The IndexedDB copy has been loaded into the document. */
	offlineCopyLoaded = $state(false);
	/** Local changes not yet written to the IndexedDB copy (a few milliseconds each). */
	deviceWritesPending = $state(0);

	readonly connection: ConnectionState = $derived(
		!this.browserOnline
			? 'offline'
			: this.socketConnected
				? 'connected'
				: this.connectionLost
					? 'offline'
					: 'connecting'
	);
	get readOnly(): boolean {
		return this.viewOnly || this.serverReadOnly;
	}

	/** The chair has closed the meeting (as the page loaded it, then as the server says). */
	get closed(): boolean {
		return this.readOnlyReason === 'meeting-closed';
	}

	get status(): SyncStatus {
		return describeSyncStatus({
			connection: this.connection,
			synced: this.everSynced,
			unsyncedChanges: this.unsyncedChanges,
			readOnly: this.readOnly,
			denial: this.denial,
			problem: this.problem
		});
	}

	private readonly offlineStore: IndexeddbPersistence | null;
	private readonly offlineStoreName: string | null;
	private readonly unsentMeeting: UnsentMeeting | null;
	private readonly websocket: HocuspocusProviderWebsocket;
	// Plain collections on purpose: lookups and listeners, never rendered.
	/** Every name seen for a client id: people who have left may still have edits arriving. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly knownAuthors = new Map<number, string>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly remoteChangeListeners = new Set<RemoteChangeListener>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly revertListeners = new Set<(message: string) => void>();
	private readonly cleanups: (() => void)[] = [];
	private destroyed = false;

	constructor(options: CollabSessionOptions) {
		this.documentName = options.documentName;
		this.user = options.user;
		this.viewOnly = options.viewOnly;
		this.serverReadOnly = options.closedAtStart;
		this.readOnlyReason = options.closedAtStart ? 'meeting-closed' : null;
		this.doc = new Y.Doc();

		this.offlineStore =
			options.offlineStoreName !== null && typeof indexedDB !== 'undefined'
				? new IndexeddbPersistence(options.offlineStoreName, this.doc)
				: null;
		this.offlineStoreName = this.offlineStore ? options.offlineStoreName : null;
		this.unsentMeeting = options.unsentMeeting ?? null;
		void this.offlineStore?.whenSynced.then(() => {
			this.offlineCopyLoaded = true;
			this.trackUnsent();
		});

		this.websocket = new HocuspocusProviderWebsocket({
			url: options.url ?? collabUrl(globalThis.location),
			...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {})
		});
		this.provider = new HocuspocusProvider({
			websocketProvider: this.websocket,
			name: options.documentName,
			document: this.doc,
			// The cookie authenticates; the token tells the server which document shape we speak.
			token: collabClientToken(options.kind)
		});
		this.listen();
		this.watchDeviceWrites();
		this.awareness.setLocalStateField('user', options.user);
		this.provider.attach();
	}

	get awareness(): Awareness {
		const awareness = this.provider.awareness;
		if (!awareness) throw new Error('The collaboration provider was created without awareness');
		return awareness;
	}

	/** What this person is editing, for everyone's "Sam (SaLT) is editing Outcome 2". */
	setEditing(field: EditingField | null): void {
		if (this.destroyed) return;
		this.awareness.setLocalStateField('editing', field);
	}

	/** Stops editing `fieldId` only if that is still what this person is editing. */
	clearEditing(fieldId: string): void {
		if (this.destroyed) return;
		const current = this.awareness.getLocalState()?.editing as EditingField | null | undefined;
		if (current?.fieldId === fieldId) this.setEditing(null);
	}

	onRemoteChange(listener: RemoteChangeListener): () => void {
		this.remoteChangeListeners.add(listener);
		return () => this.remoteChangeListeners.delete(listener);
	}

	/** Called with a sentence when the server undid our change to a locked section. */
	onReverted(listener: (message: string) => void): () => void {
		this.revertListeners.add(listener);
		return () => this.revertListeners.delete(listener);
	}

	/** True when a Yjs transaction came from the server (someone else's edit). */
	isRemote(transaction: Y.Transaction): boolean {
		return transaction.origin === this.provider;
	}

	/**
	 * Leaves the meeting: everyone else's presence list drops this person at once, and
	 * unsent edits stay in IndexedDB for next time.
	 */
	destroy(): void {
		if (this.destroyed) return;
		this.destroyed = true;
		for (const cleanup of this.cleanups.splice(0)) cleanup();
		this.provider.destroy();
		this.websocket.destroy();
		void this.offlineStore?.destroy();
		this.doc.destroy();
	}

	private listen(): void {
		const provider = this.provider;
		const on = <T>(event: string, handler: (payload: T) => void) => {
			provider.on(event, handler);
			this.cleanups.push(() => provider.off(event, handler));
		};
		on<onStatusParameters>('status', ({ status }) => {
			this.socketConnected = status === 'connected';
			if (status === 'disconnected') this.connectionLost = true;
		});
		on<{ state: boolean }>('synced', ({ state }) => {
			if (state) this.everSynced = true;
			this.trackUnsent();
		});
		on<{ number: number }>('unsyncedChanges', ({ number }) => {
			this.unsyncedChanges = number;
			this.trackUnsent();
		});
		on<{ scope: string }>('authenticated', ({ scope }) => {
			this.denial = null;
			this.serverReadOnly = scope === 'readonly';
		});
		on<{ reason: string }>('authenticationFailed', ({ reason }) => this.refused(reason));
		on<{ payload: string }>('stateless', ({ payload }) => {
			const revert = parseRevertNotice(payload);
			if (revert) {
				const message = describeRevert(revert);
				for (const listener of this.revertListeners) listener(message);
				return;
			}
			const notice = parseAccessNotice(payload);
			if (!notice) return;
			this.serverReadOnly = notice.readOnly;
			this.readOnlyReason = notice.readOnly ? notice.reason : null;
		});
		on<{ event: { code?: number } }>('close', ({ event }) => {
			const message = event.code === undefined ? undefined : COLLAB_CLOSE_MESSAGES[event.code];
			if (message) this.problem = message;
		});

		const awareness = this.awareness;
		const refreshPresence = () => {
			const participants = participantsFromAwareness(awareness.getStates(), this.doc.clientID);
			for (const [clientId, name] of nameByClientId(participants)) {
				this.knownAuthors.set(clientId, name);
			}
			this.participants = participants;
		};
		awareness.on('change', refreshPresence);
		this.cleanups.push(() => awareness.off('change', refreshPresence));
		refreshPresence();

		const afterTransaction = (transaction: Y.Transaction) => {
			if (!this.isRemote(transaction) || this.remoteChangeListeners.size === 0) return;
			const authors = this.authorsOf(transaction);
			for (const listener of this.remoteChangeListeners) listener(authors);
		};
		this.doc.on('afterTransaction', afterTransaction);
		this.cleanups.push(() => this.doc.off('afterTransaction', afterTransaction));

		if (typeof window !== 'undefined') {
			// Browsers learn of a lost network long before a silent socket times out.
			const goOffline = () => {
				this.browserOnline = false;
				this.websocket.disconnect();
			};
			const goOnline = () => {
				this.browserOnline = true;
				if (this.denial === null) void this.websocket.connect();
			};
			// Signing out deletes the offline copies: let go of ours so the deletion is not blocked.
			const signingOut = () => this.destroy();
			this.browserOnline = navigator.onLine;
			window.addEventListener('offline', goOffline);
			window.addEventListener('online', goOnline);
			window.addEventListener(SIGNING_OUT_EVENT, signingOut);
			this.cleanups.push(() => {
				window.removeEventListener('offline', goOffline);
				window.removeEventListener('online', goOnline);
				window.removeEventListener(SIGNING_OUT_EVENT, signingOut);
			});
		}
	}

	/**
	 * Counts writes to the IndexedDB copy until they are on disk, so that the page can tell
	 * when an edit made offline is safe on this device. y-indexeddb writes each update in a
	 * readwrite transaction on its 'updates' store as the update happens (its listener was
	 * registered first); a readonly transaction on the same store, started just after,
	 * completes only once that write has committed.
	 */
	private watchDeviceWrites(): void {
		const store = this.offlineStore;
		if (!store) return;
		const afterUpdate = (_update: Uint8Array, origin: unknown) => {
			const db = store.db;
			if (origin === store || !db) return;
			this.deviceWritesPending++;
			const settled = () => (this.deviceWritesPending = Math.max(0, this.deviceWritesPending - 1));
			try {
				const check = db.transaction(['updates'], 'readonly');
				check.oncomplete = check.onabort = check.onerror = settled;
			} catch {
				settled();
			}
		};
		this.doc.on('update', afterUpdate);
		this.cleanups.push(() => this.doc.off('update', afterUpdate));
	}

	/**
	 * Notes on this device whether the meeting has changes that have not reached Coplan, so
	 * that signing out (from any page) can warn before deleting the offline copy. Cleared
	 * only once the offline copy has been loaded and everything in it acknowledged.
	 */
	private trackUnsent(): void {
		const name = this.offlineStoreName;
		if (!name || !this.unsentMeeting || this.destroyed) return;
		if (this.unsyncedChanges > 0) markUnsent(name, this.unsentMeeting);
		else if (this.everSynced && this.offlineCopyLoaded) markSent(name);
	}

	/** Whose edits a transaction carries: the clients whose clocks moved on. */
	private authorsOf(transaction: Y.Transaction): string[] {
		const names: string[] = [];
		for (const [clientId, clock] of transaction.afterState) {
			if (clientId === this.doc.clientID) continue;
			const name = this.knownAuthors.get(clientId) ?? 'Someone';
			if ((transaction.beforeState.get(clientId) ?? 0) < clock && !names.includes(name)) {
				names.push(name);
			}
		}
		return names.length > 0 ? names : ['Someone'];
	}

	private refused(reason: string): void {
		this.denial = reason;
		// Retrying would only be refused again; the person reloads or signs in instead.
		this.websocket.disconnect();
		const lostAccess =
			reason === COLLAB_DENIAL.forbidden || reason === COLLAB_DENIAL.restrictedForbidden;
		// Someone who may no longer open the meeting keeps no copy of it on this device.
		if (lostAccess || reason === COLLAB_DENIAL.unknownDocument) void this.offlineStore?.clearData();
	}
}
