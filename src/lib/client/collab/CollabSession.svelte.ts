import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { collabClientToken } from '../../shared/collab/clientToken.ts';
import { COLLAB_CLOSE_CODES, type ReadOnlyReason } from '../../shared/collab/closeCodes.ts';
import { textByItems } from '../../shared/collab/meetingDoc.ts';
import type { DocumentKind } from '../../shared/collab/documentName.ts';
import { refusalDiscardsCopy, SIGNING_OUT_EVENT, type UnsentMeeting } from '../offlineCopies.ts';
import { ConnectionStatus } from './ConnectionStatus.svelte.ts';
import { OfflineCopy } from './OfflineCopy.svelte.ts';
import { RefusedEdits, type RefusalReason } from './RefusedEdits.svelte.ts';
import { SavingProgress } from './SavingProgress.svelte.ts';
import { SessionPresence } from './SessionPresence.svelte.ts';
import type { EditingField, Participant, PresenceUser } from './presence.ts';
import { ServerNotices, type RevertListener } from './ServerNotices.svelte.ts';
import { describeSyncStatus, type SyncStatus } from './syncStatus.ts';

/**
 * One live document in the browser: the Hocuspocus provider (same origin, so the session
 * cookie authenticates it) and its parts, each a rune-backed class with one job — the
 * copy on this device, the connection, presence and the server's notices. The page reads
 * them (mostly through the getters here), so the UI follows the connection by itself.
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
	/**
	 * Brings the page in line with the server after refused edits (the device's copy has
	 * been deleted by then); reloads the page unless told otherwise.
	 */
	onDeviceCopyReset?: () => void;
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

	readonly offlineCopy: OfflineCopy;
	readonly connection: ConnectionStatus;
	readonly presence: SessionPresence;
	readonly notices: ServerNotices;
	readonly saving: SavingProgress;
	readonly refused: RefusedEdits;

	readonly #websocket: HocuspocusProviderWebsocket;
	// A plain set on purpose: listeners, never rendered.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #remoteChangeListeners = new Set<RemoteChangeListener>();
	readonly #cleanups: (() => void)[] = [];
	readonly #resetDeviceCopy: () => void;
	#destroyed = false;
	#refusing = false;
	#checkingReadOnly = false;

	constructor(options: CollabSessionOptions) {
		this.documentName = options.documentName;
		this.user = options.user;
		this.viewOnly = options.viewOnly;
		this.doc = new Y.Doc();

		// Before the provider, as the session has always opened them.
		const offlineCopy = new OfflineCopy({
			doc: this.doc,
			storeName: options.offlineStoreName,
			unsentMeeting: options.unsentMeeting ?? null
		});
		this.offlineCopy = offlineCopy;

		this.#websocket = new HocuspocusProviderWebsocket({
			url: options.url ?? collabUrl(globalThis.location),
			...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {})
		});
		this.provider = new HocuspocusProvider({
			websocketProvider: this.#websocket,
			name: options.documentName,
			document: this.doc,
			// The cookie authenticates; the token tells the server which document shape we speak.
			token: collabClientToken(options.kind)
		});
		this.connection = new ConnectionStatus({
			provider: this.provider,
			websocket: this.#websocket,
			onRefused: (reason) => {
				// Someone who may no longer open the meeting keeps no copy of it on this device.
				if (refusalDiscardsCopy(reason)) void this.#refuse('access-removed');
			}
		});
		this.notices = new ServerNotices(this.provider, options.closedAtStart);
		// After the provider: its listener sends an update before this one asks about it.
		this.saving = new SavingProgress({
			doc: this.doc,
			provider: this.provider,
			remoteOrigin: this.provider,
			remembered: offlineCopy.recallStored(),
			remember: (clocks) => offlineCopy.rememberStored(clocks),
			onProgress: ({ unsaved, heardFromServer }) =>
				offlineCopy.syncProgressed({ unsyncedChanges: unsaved, everSynced: heardFromServer })
		});
		this.refused = new RefusedEdits(options.documentName);
		this.#resetDeviceCopy = options.onDeviceCopyReset ?? (() => globalThis.location?.reload());
		this.#watchForRefusals();
		this.presence = new SessionPresence(this.awareness, this.doc, options.user, this.provider);
		this.#listenForRemoteChanges();
		this.#letGoWhenSigningOut();
		this.provider.attach();
	}

	get awareness(): Awareness {
		const awareness = this.provider.awareness;
		if (!awareness) throw new Error('The collaboration provider was created without awareness');
		return awareness;
	}

	get readOnly(): boolean {
		return this.viewOnly || this.notices.readOnly || this.saving.paused;
	}

	/** The chair has closed the meeting (as the page loaded it, then as the server says). */
	get closed(): boolean {
		return this.notices.closed;
	}

	/** The server's reason for read-only, if it has given one. */
	get readOnlyReason(): ReadOnlyReason | null {
		return this.notices.readOnlyReason;
	}

	get status(): SyncStatus {
		return describeSyncStatus({
			connection: this.connection.state,
			synced: this.connection.everSynced,
			unsyncedChanges: this.saving.unsaved,
			savingPaused: this.saving.paused,
			readOnly: this.viewOnly || this.notices.readOnly,
			denial: this.connection.denial,
			problem: this.connection.problem
		});
	}

	/** The first full exchange with the server has finished. */
	get everSynced(): boolean {
		return this.connection.everSynced;
	}

	/** Changes made on this device that are not yet stored in the database. */
	get unsyncedChanges(): number {
		return this.saving.unsaved;
	}

	/** A coded refusal from the server (closeCodes.ts), once it has refused the document. */
	get denial(): string | null {
		return this.connection.denial;
	}

	/** Everyone with this document open, yourself first. */
	get participants(): Participant[] {
		return this.presence.participants;
	}

	/** What this person is editing, for everyone's "Sam (SaLT) is editing Outcome 2". */
	setEditing(field: EditingField | null): void {
		this.presence.setEditing(field);
	}

	/** Stops editing `fieldId` only if that is still what this person is editing. */
	clearEditing(fieldId: string): void {
		this.presence.clearEditing(fieldId);
	}

	onRemoteChange(listener: RemoteChangeListener): () => void {
		this.#remoteChangeListeners.add(listener);
		return () => this.#remoteChangeListeners.delete(listener);
	}

	/** Called with a sentence when the server undid our change to a locked section. */
	onReverted(listener: RevertListener): () => void {
		return this.notices.onReverted(listener);
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
		if (this.#destroyed) return;
		this.#destroyed = true;
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
		// The parts stop listening before the provider's teardown fires its last events.
		this.connection.destroy();
		this.saving.destroy();
		this.notices.destroy();
		this.presence.destroy();
		this.provider.destroy();
		this.#websocket.destroy();
		this.offlineCopy.destroy();
		this.doc.destroy();
	}

	#listenForRemoteChanges(): void {
		const afterTransaction = (transaction: Y.Transaction) => {
			if (!this.isRemote(transaction) || this.#remoteChangeListeners.size === 0) return;
			const authors = this.presence.authorsOf(transaction);
			for (const listener of this.#remoteChangeListeners) listener(authors);
		};
		this.doc.on('afterTransaction', afterTransaction);
		this.#cleanups.push(() => this.doc.off('afterTransaction', afterTransaction));
	}

	/**
	 * Notices when the server will not keep what this device has written: the connection
	 * is closed for size or for the edit budget, access is withdrawn, or the meeting has
	 * become read-only (closed meanwhile, or view-only) while this device holds edits the
	 * server never stored.
	 */
	#watchForRefusals(): void {
		const onClose = ({ event }: { event: { code?: number } }) => {
			if (event.code === COLLAB_CLOSE_CODES.documentTooLarge)
				void this.#refuse('document-too-large');
			if (event.code === COLLAB_CLOSE_CODES.tooMuchAtOnce) void this.#refuse('too-much-at-once');
		};
		const check = () => void this.#checkReadOnly();
		this.provider.on('close', onClose);
		this.provider.on('synced', check);
		this.provider.on('stateless', check);
		this.#cleanups.push(() => {
			this.provider.off('close', onClose);
			this.provider.off('synced', check);
			this.provider.off('stateless', check);
		});
	}

	async #checkReadOnly(): Promise<void> {
		const reason = this.notices.readOnlyReason;
		if (!reason || !this.notices.readOnly || !this.connection.everSynced) return;
		if (this.#checkingReadOnly || this.saving.unsaved === 0) return;
		this.#checkingReadOnly = true;
		try {
			// Edits that reached the server before it became read-only are stored meanwhile.
			await this.saving.whenServerCaughtUp();
		} finally {
			this.#checkingReadOnly = false;
		}
		if (this.notices.readOnly && this.saving.unsaved > 0) {
			await this.#refuse(reason === 'view-only' ? 'view-only' : 'meeting-closed');
		}
	}

	/**
	 * Shows what was not kept (kept for this tab, so it survives the reload), then brings
	 * this device in line with the server: the copy on the device is deleted and the page
	 * reloads the document as everyone else has it. Someone without access only loses the
	 * copy: there is no document to reload.
	 */
	async #refuse(reason: RefusalReason): Promise<void> {
		if (this.#refusing || this.#destroyed) return;
		this.#refusing = true;
		const sections = textByItems(this.doc, (id) => this.saving.edits.isUnsaved(id));
		this.refused.keep({ reason, sections });
		// Sending it again would only be refused again.
		this.#websocket.disconnect();
		await this.offlineCopy.discard();
		if (reason !== 'access-removed') this.#resetDeviceCopy();
	}

	/** Signing out deletes the offline copies: let go of ours so the deletion is not blocked. */
	#letGoWhenSigningOut(): void {
		if (typeof window === 'undefined') return;
		const signingOut = () => this.destroy();
		window.addEventListener(SIGNING_OUT_EVENT, signingOut);
		this.#cleanups.push(() => window.removeEventListener(SIGNING_OUT_EVENT, signingOut));
	}
}
