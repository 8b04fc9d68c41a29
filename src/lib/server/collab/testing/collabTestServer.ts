import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Database } from '../../db/client.ts';
import { collabClientToken } from '../../../shared/collab/clientToken.ts';
import {
	parseAccessNotice,
	parseRevertNotice,
	type AccessNotice,
	type RevertNotice
} from '../../../shared/collab/closeCodes.ts';
import { parseDocumentName } from '../../../shared/collab/documentName.ts';
import { parseSavingNotice, parseStoredNotice } from '../../../shared/collab/savingNotices.ts';
import { createLogger } from '../../logger.ts';
import { routeUpgrades } from '../../http/upgrades.ts';
import {
	createCollabServer,
	type CollabServer,
	type CollabServerOptions
} from '../createCollabServer.ts';

/**
 * A real collaboration server on port 0 for black-box tests, in the way Hocuspocus's
 * own tests do it: real websockets, real providers, a real database.
 */
export interface CollabTestServer {
	url: string;
	port: number;
	collab: CollabServer;
	http: Server;
	/** Stops the server; calling it again waits for the same stop. */
	stop(): Promise<void>;
}

export interface TestServerOptions {
	origin?: string;
	maxMessageBytes?: number;
	maxDocumentBytes?: number;
	updateLogDelayMs?: number;
	updateLogLimits?: CollabServerOptions['updateLogLimits'];
	editBudget?: CollabServerOptions['editBudget'];
	sessionCheckIntervalMs?: number;
	metrics?: CollabServerOptions['metrics'];
	redis?: CollabServerOptions['redis'];
	relaySettling?: CollabServerOptions['relaySettling'];
	compactEveryRows?: number;
}

export async function startCollabTestServer(
	db: Database,
	options: TestServerOptions = {}
): Promise<CollabTestServer> {
	const logger = createLogger('silent');
	const collab = createCollabServer({ db, logger, ...options });
	// HTTP requests are not under test here: only the upgrade path is.
	const http = createServer((_request, response) => response.end('ok'));
	routeUpgrades(http, collab, logger, { ownsUpgrades: true });
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const { port } = http.address() as AddressInfo;
	let stopped: Promise<void> | undefined;
	return {
		url: `ws://127.0.0.1:${port}/collab`,
		port,
		collab,
		http,
		stop() {
			stopped ??= (async () => {
				await collab.destroy();
				http.closeAllConnections();
				await new Promise<void>((resolve) => http.close(() => resolve()));
			})();
			return stopped;
		}
	};
}

export interface ConnectOptions {
	url: string;
	name: string;
	cookie?: string;
	origin?: string;
	document?: Y.Doc;
	/** The provider token; by default the schema-version token of the document's kind. */
	token?: string;
	/** Several providers (documents) may share one websocket, as in the browser. */
	websocket?: TestWebsocket;
}

export interface TestWebsocket {
	provider: HocuspocusProviderWebsocket;
	/** Every frame this websocket received from the server, in order. */
	frames: Uint8Array[];
	/** Close codes this websocket was closed with. */
	closeCodes: number[];
	destroy(): void;
}

/**
 * A Node websocket to the collaboration server that sends the given Cookie (and Origin)
 * headers and records every frame it receives, so tests can assert on the wire.
 */
export function openTestWebsocket(options: {
	url: string;
	cookie?: string;
	origin?: string;
}): TestWebsocket {
	const headers: Record<string, string> = {};
	if (options.cookie) headers.cookie = options.cookie;
	if (options.origin) headers.origin = options.origin;
	const frames: Uint8Array[] = [];
	const closeCodes: number[] = [];
	class RecordingWebSocket extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers });
			this.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
			this.on('close', (code: number) => closeCodes.push(code));
			// Destroying a provider mid-handshake makes ws emit 'error' after the provider has
			// dropped its own listeners; unheard, that would be an uncaught exception. The close
			// that follows is what tests look at.
			this.on('error', () => {});
		}
	}
	const provider = new HocuspocusProviderWebsocket({
		url: options.url,
		WebSocketPolyfill: RecordingWebSocket,
		maxAttempts: 1
	});
	return { provider, frames, closeCodes, destroy: () => provider.destroy() };
}

export interface TestConnection {
	provider: HocuspocusProvider;
	document: Y.Doc;
	websocket: TestWebsocket;
	authenticationFailure: Promise<string>;
	/** Access notices (read-only or not, and why) the server sent, in order. */
	notices: AccessNotice[];
	/** Notices that the server undid part of this client's change, in order. */
	reverts: RevertNotice[];
	/** The highest stored clock per Yjs client the server has reported (StoredNotice). */
	stored: Map<number, number>;
	/**
	 * StoredNotices received: full ones (after syncing), and those with changed clocks (a
	 * batch holding our edits was stored); answers to store requests alone are not counted.
	 */
	storedNotices: { full: number; changes: number };
	/** Store requests the server has answered, in order. */
	answeredRequests: number[];
	/** Saving notices (true: paused), in order. */
	savingPaused: boolean[];
	close(): void;
}

/** Everything this client has typed is stored, as the server has said. */
export function ownEditsStored(connection: TestConnection): boolean {
	const { clientID } = connection.document;
	const typed = Y.decodeStateVector(Y.encodeStateVector(connection.document)).get(clientID) ?? 0;
	return (connection.stored.get(clientID) ?? 0) >= typed;
}

/** A Node HocuspocusProvider for one document, as the browser client makes it. */
export function connectProvider(options: ConnectOptions): TestConnection {
	const websocket =
		options.websocket ??
		openTestWebsocket({ url: options.url, cookie: options.cookie, origin: options.origin });
	const document = options.document ?? new Y.Doc();
	const kind = parseDocumentName(options.name)?.kind ?? 'meeting';
	let reportFailure: (reason: string) => void = () => {};
	const authenticationFailure = new Promise<string>((resolve) => (reportFailure = resolve));
	const notices: AccessNotice[] = [];
	const reverts: RevertNotice[] = [];
	const stored = new Map<number, number>();
	const storedNotices = { full: 0, changes: 0 };
	const answeredRequests: number[] = [];
	const savingPaused: boolean[] = [];
	const provider = new HocuspocusProvider({
		websocketProvider: websocket.provider,
		name: options.name,
		document,
		token: options.token ?? collabClientToken(kind),
		onAuthenticationFailed: ({ reason }) => reportFailure(reason),
		onStateless: ({ payload }) => {
			const notice = parseAccessNotice(payload);
			if (notice) notices.push(notice);
			const revert = parseRevertNotice(payload);
			if (revert) reverts.push(revert);
			const storedNotice = parseStoredNotice(payload);
			if (storedNotice?.full) storedNotices.full += 1;
			else if (storedNotice && storedNotice.clocks.size > 0) {
				storedNotices.changes += 1;
			}
			for (const [client, clock] of storedNotice?.clocks ?? []) {
				stored.set(client, Math.max(clock, stored.get(client) ?? 0));
			}
			if (storedNotice?.request != null) answeredRequests.push(storedNotice.request);
			const saving = parseSavingNotice(payload);
			if (saving) savingPaused.push(saving.paused);
		}
	});
	// A provider given its own websocket provider must be attached, or nothing syncs.
	provider.attach();
	return {
		provider,
		document,
		websocket,
		authenticationFailure,
		notices,
		reverts,
		stored,
		storedNotices,
		answeredRequests,
		savingPaused,
		close() {
			provider.destroy();
			if (!options.websocket) websocket.destroy();
		}
	};
}

/** Resolves once the provider has synced and the server acknowledged every local change. */
export function waitForSaved(
	connection: TestConnection,
	what = 'changes to be saved',
	timeoutMs?: number
) {
	return waitFor(
		() => connection.provider.isSynced && connection.provider.unsyncedChanges === 0,
		what,
		timeoutMs
	);
}

/** Polls until the check passes or the deadline passes (no fixed sleeps in tests). */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** Like waitFor, for checks that must ask something asynchronous (the database). */
export async function waitUntil(
	check: () => Promise<boolean>,
	what: string,
	timeoutMs = 5000
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
