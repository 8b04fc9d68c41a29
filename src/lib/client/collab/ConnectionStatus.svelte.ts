import type { HocuspocusProviderWebsocket, onStatusParameters } from '@hocuspocus/provider';
import { COLLAB_CLOSE_MESSAGES } from '../../shared/collab/closeCodes.ts';
import { listenTo, type ProviderEvents } from './providerEvents.ts';
import { connectionState, type ConnectionState } from './syncStatus.ts';

export interface ConnectionStatusOptions {
	provider: ProviderEvents;
	websocket: Pick<HocuspocusProviderWebsocket, 'connect' | 'disconnect'>;
	/** Called with the coded reason (closeCodes.ts) when the server refuses the document. */
	onRefused?: (reason: string) => void;
}

/**
 * The connection to the collaboration server as the page needs it: open or not, whether
 * the first sync has finished, and
 * why the server refused or closed it. It follows the browser's network too: the socket
 * is dropped as soon as the browser goes offline and reopened when it comes back, unless
 * the server has refused the document.
 */
export class ConnectionStatus {
	#socketConnected = $state(false);
	#browserOnline = $state(true);
	#connectionLost = $state(false);
	#everSynced = $state(false);
	#denial = $state<string | null>(null);
	#problem = $state<string | null>(null);
	readonly #state: ConnectionState = $derived(
		connectionState({
			browserOnline: this.#browserOnline,
			socketConnected: this.#socketConnected,
			connectionLost: this.#connectionLost
		})
	);

	readonly #websocket: ConnectionStatusOptions['websocket'];
	readonly #onRefused: (reason: string) => void;
	readonly #cleanups: (() => void)[] = [];

	constructor(options: ConnectionStatusOptions) {
		this.#websocket = options.websocket;
		this.#onRefused = options.onRefused ?? (() => {});
		this.#listenToProvider(options.provider);
		this.#followBrowserNetwork();
	}

	get state(): ConnectionState {
		return this.#state;
	}

	/** The first full exchange with the server has finished. */
	get everSynced(): boolean {
		return this.#everSynced;
	}

	/** A coded refusal from the server (closeCodes.ts), once it has refused the document. */
	get denial(): string | null {
		return this.#denial;
	}

	/** A sentence for a connection the server closed because of a problem. */
	get problem(): string | null {
		return this.#problem;
	}

	destroy(): void {
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
	}

	#listenToProvider(provider: ProviderEvents): void {
		const on = <T>(event: string, handler: (payload: T) => void) =>
			this.#cleanups.push(listenTo(provider, event, handler));
		on<onStatusParameters>('status', ({ status }) => {
			this.#socketConnected = status === 'connected';
			if (status === 'disconnected') this.#connectionLost = true;
		});
		on<{ state: boolean }>('synced', ({ state }) => {
			if (state) this.#everSynced = true;
		});
		on('authenticated', () => (this.#denial = null));
		on<{ reason: string }>('authenticationFailed', ({ reason }) => this.#refused(reason));
		on<{ event: { code?: number } }>('close', ({ event }) => {
			const message = event.code === undefined ? undefined : COLLAB_CLOSE_MESSAGES[event.code];
			if (message) this.#problem = message;
		});
	}

	#followBrowserNetwork(): void {
		if (typeof window === 'undefined') return;
		const goOffline = () => {
			this.#browserOnline = false;
			this.#websocket.disconnect();
		};
		const goOnline = () => {
			this.#browserOnline = true;
			if (this.#denial === null) void this.#websocket.connect();
		};
		this.#browserOnline = navigator.onLine;
		window.addEventListener('offline', goOffline);
		window.addEventListener('online', goOnline);
		this.#cleanups.push(() => {
			window.removeEventListener('offline', goOffline);
			window.removeEventListener('online', goOnline);
		});
	}

	#refused(reason: string): void {
		this.#denial = reason;
		// Retrying would only be refused again; the person reloads or signs in instead.
		this.#websocket.disconnect();
		this.#onRefused(reason);
	}
}
