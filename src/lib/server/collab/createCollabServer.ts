import { Hocuspocus, OutgoingMessage, type Connection } from '@hocuspocus/server';
import crossws, { type NodeAdapter } from 'crossws/adapters/node';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { authenticateCookieHeader, type SessionValidation } from '../auth/session.ts';
import type { LiveDocuments } from './liveDocuments.ts';
import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import {
	COLLAB_CLOSE_CODES,
	COLLAB_DENIAL,
	MAX_DOCUMENT_BYTES,
	MAX_MESSAGE_BYTES
} from '../../shared/collab/closeCodes.ts';
import { AccessEpoch } from './accessEpoch.ts';
import { websocketClientAddress } from './clientAddress.ts';
import type { CollabContext } from './context.ts';
import { AuthenticationExtension } from './extensions/AuthenticationExtension.ts';
import { AuthorizationExtension } from './extensions/AuthorizationExtension.ts';
import { ChairControlsExtension } from './extensions/ChairControlsExtension.ts';
import { ClientSchemaExtension } from './extensions/ClientSchemaExtension.ts';
import { DocumentNameExtension } from './extensions/DocumentNameExtension.ts';
import { directDocuments } from './directDocuments.ts';
import { DocumentSizeExtension } from './extensions/DocumentSizeExtension.ts';
import { MeetingDocumentExtension, SERVER_ORIGIN } from './extensions/MeetingDocumentExtension.ts';
import { PersistenceExtension } from './extensions/PersistenceExtension.ts';
import { ProjectionExtension } from './extensions/ProjectionExtension.ts';
import type { UpdateLogLimits } from './updateLog.ts';
import { LogMerger, type LogMergerOptions } from './logMerger.ts';
import type { CollabMetrics } from '../metrics.ts';
import type { EditBudgetLimits } from './editBudget.ts';
import { frameAddress, servedDocumentOf } from './frameAddress.ts';
import { isAllowedOrigin } from './origin.ts';
import { SessionWatch, type SessionHolder } from './sessionWatch.ts';
import { SingleFlight } from '../singleFlight.ts';
import { OpeningAudit } from './openingAudit.ts';
import { liveToolTokenIds } from '../auth/toolTokens.ts';
import { createYwsEndpoint, isYwsRequest } from './yws/ywsEndpoint.ts';
import { redisScaleOut, type RedisScaleOutOptions } from './cluster/redisScaleOut.ts';
import { applyClusterEvent, clusteredDocuments } from './cluster/clusteredDocuments.ts';
import type { RelaySettlerOptions } from './relaySettler.ts';

export const COLLAB_PATH = '/collab';

export interface CollabServerOptions {
	db: Database;
	logger: Logger;
	/** The app's public origin (ORIGIN); when unset the upgrade's Host header is the origin. */
	origin?: string;
	/** Limits (tests lower them); default MAX_MESSAGE_BYTES and MAX_DOCUMENT_BYTES. */
	maxMessageBytes?: number;
	maxDocumentBytes?: number;
	/** How much one person may add to a document in a few minutes (editBudget.ts). */
	editBudget?: EditBudgetLimits;
	/** How long received edits may wait in the update-log batch (tests lengthen it). */
	updateLogDelayMs?: number;
	/** How often live websockets' sessions are checked (a second by default). */
	sessionCheckIntervalMs?: number;
	/** Retry and pause limits of the update log (tests shorten them). */
	updateLogLimits?: Partial<UpdateLogLimits>;
	/** Log rows after which a store rewrites a document's state (PersistenceOptions). */
	compactEveryRows?: number;
	/** When and how often old update-log rows are merged (LogMerger's defaults otherwise). */
	logMerging?: LogMergerOptions;
	/** Counts messages and update-log writes (/metrics); off when absent. */
	metrics?: CollabMetrics;
	/** Several servers share the meetings through this Redis (REDIS_URL). */
	redis?: RedisScaleOutOptions;
	/** With Redis: when edits relayed from other servers are checked (tests shorten it). */
	relaySettling?: Partial<RelaySettlerOptions>;
}

export interface CollabServer {
	hocuspocus: Hocuspocus<CollabContext>;
	/** What services use to read and change documents and to re-check live access. */
	live: LiveDocuments;
	/** Writes every received update to the log now, without waiting for the batch timer. */
	flushUpdateLog(): Promise<void>;
	/**
	 * With several servers: checks every edit relayed from the others against the database
	 * now, however recent, logging what it lacks (RelaySettler, on a timer otherwise).
	 */
	settleRelayedEdits(): Promise<void>;
	/** Saving is paused (the database is failing): meetings are read-only meanwhile. */
	savingPaused(): boolean;
	/** Handles an HTTP upgrade if it is for /collab or /yws; returns false for other paths. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/**
	 * Stops taking edits, writes every received update and every loaded document's state
	 * (and its projection), then closes all connections.
	 */
	destroy(): Promise<void>;
}

interface PeerState {
	connection?: ReturnType<Hocuspocus<CollabContext>['handleConnection']>;
	sessionId: string | null;
	holder: SessionHolder;
}

export function isCollabRequest(url: string | undefined): boolean {
	if (!url) return false;
	const path = url.split('?', 1)[0];
	return path === COLLAB_PATH || path === `${COLLAB_PATH}/`;
}

/**
 * Lets through frames addressed to a document Coplan serves. Others are answered, for
 * their address, with the same refusal an unknown meeting gets, and go no further: no
 * stack trace in the log, and the socket's other documents carry on.
 */
function acceptFrame(frame: Uint8Array, reply: (bytes: Uint8Array) => void): boolean {
	if (servedDocumentOf(frame) !== null) return true;
	const address = frameAddress(frame);
	if (address !== null) {
		reply(
			new OutgoingMessage(address)
				.writePermissionDenied(COLLAB_DENIAL.unknownDocument)
				.toUint8Array()
		);
	}
	return false;
}

/** The socket, counting what Hocuspocus sends on it when metrics are on. */
function countingSends(socket: WebSocket, metrics: CollabMetrics | undefined): WebSocket {
	if (!metrics) return socket;
	return new Proxy(socket, {
		get(target, property) {
			if (property === 'send') {
				return (...args: Parameters<WebSocket['send']>) => {
					metrics.frameSent();
					target.send(...args);
				};
			}
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
		}
	});
}

export function createCollabServer(options: CollabServerOptions): CollabServer {
	const log = options.logger.child({ component: 'collab' });
	const scaleOut = options.redis ? redisScaleOut(options.redis, log) : null;
	const merger = new LogMerger(options.db, log, options.logMerging);
	const persistence = new PersistenceExtension({
		db: options.db,
		logger: log,
		merger,
		...(options.metrics ? { metrics: options.metrics } : {}),
		limits: {
			...options.updateLogLimits,
			...(options.updateLogDelayMs === undefined ? {} : { flushDelayMs: options.updateLogDelayMs })
		},
		...(options.compactEveryRows === undefined
			? {}
			: { compactEveryRows: options.compactEveryRows }),
		...(scaleOut ? { shared: options.relaySettling ?? {} } : {})
	});
	const epoch = new AccessEpoch();
	const openingAudit = new OpeningAudit(options.db, log);
	const hocuspocus = new Hocuspocus<CollabContext>({
		name: 'coplan',
		quiet: true,
		// The update log makes each edit durable within ~100 ms (and tells its author); the
		// debounced store only compacts the log into a state and refreshes the projection.
		debounce: 1000,
		maxDebounce: 5000,
		extensions: [
			...(scaleOut ? [scaleOut.extension] : []),
			new AuthenticationExtension(),
			new DocumentNameExtension(),
			new ClientSchemaExtension(),
			new AuthorizationExtension(options.db, epoch, openingAudit),
			new DocumentSizeExtension(
				log,
				options.maxDocumentBytes ?? MAX_DOCUMENT_BYTES,
				options.editBudget
			),
			persistence,
			new MeetingDocumentExtension(options.db, log),
			new ChairControlsExtension(log),
			new ProjectionExtension(options.db, log, epoch)
		]
	});
	const peers = new WeakMap<object, PeerState>();
	const sessionWatch = new SessionWatch({
		db: options.db,
		logger: log,
		intervalMs: options.sessionCheckIntervalMs
	});
	// Tool tokens' sockets (/yws) close when the token is revoked or expires.
	const tokenWatch = new SessionWatch({
		db: options.db,
		logger: log,
		intervalMs: options.sessionCheckIntervalMs,
		liveIds: (ids) => liveToolTokenIds(options.db, ids),
		closeWith: { code: COLLAB_CLOSE_CODES.toolTokenEnded, reason: 'token-ended' }
	});
	let closing = false;
	// Tabs coming back together after a restart share one lookup per cookie.
	const sessionLookups = new SingleFlight<string, SessionValidation>();

	const adapter: NodeAdapter = crossws({
		// Frames over the limit are refused by the websocket server itself: it closes that
		// socket with 1009 (message too big) before the frame is read into memory.
		serverOptions: { maxPayload: options.maxMessageBytes ?? MAX_MESSAGE_BYTES },
		hooks: {
			async upgrade(request) {
				if (closing) return new Response('Shutting down', { status: 503 });
				if (!isAllowedOrigin(request.headers, options.origin)) {
					log.warn({ origin: request.headers.get('origin') }, 'websocket refused: wrong origin');
					return new Response('Forbidden origin', { status: 403 });
				}
				const cookie = request.headers.get('cookie') ?? '';
				const { user, session } = await sessionLookups.run(cookie, () =>
					authenticateCookieHeader(options.db, cookie)
				);
				return { context: { user, sessionId: session?.id ?? null } };
			},
			open(peer) {
				const context: CollabContext = {
					user: (peer.context.user as CollabContext['user']) ?? null,
					address: websocketClientAddress(peer.request.headers, peer.remoteAddress),
					saving: persistence.saving
				};
				const connection = hocuspocus.handleConnection(
					countingSends(peer.websocket as WebSocket, options.metrics),
					peer.request,
					context
				);
				const sessionId = peer.context.sessionId as string | null | undefined;
				const holder = { close: (code: number, reason: string) => peer.close(code, reason) };
				if (sessionId) sessionWatch.add(sessionId, holder);
				peers.set(peer, { connection, sessionId: sessionId ?? null, holder });
			},
			message(peer, message) {
				// While shutting down, edits are not taken: unacknowledged, they stay in the
				// client and are sent again to the next server.
				if (closing) return;
				options.metrics?.frameReceived();
				const frame = message.uint8Array();
				if (!acceptFrame(frame, (reply) => peer.send(reply))) return;
				peers.get(peer)?.connection?.handleMessage(frame);
			},
			close(peer, event) {
				if (event.code === 1009) log.warn({ peer: peer.id }, 'websocket closed: message too large');
				const state = peers.get(peer);
				state?.connection?.handleClose({ code: event.code ?? 1005, reason: event.reason ?? '' });
				if (state?.sessionId) sessionWatch.remove(state.sessionId, state.holder);
				peers.delete(peer);
			},
			error(peer, error) {
				log.warn({ err: error, peer: peer.id }, 'websocket error');
			}
		}
	});

	const yws = createYwsEndpoint({
		hocuspocus,
		db: options.db,
		logger: log,
		origin: options.origin,
		maxMessageBytes: options.maxMessageBytes ?? MAX_MESSAGE_BYTES,
		saving: persistence.saving,
		isClosing: () => closing,
		sessions: sessionWatch,
		tokens: tokenWatch,
		...(options.metrics ? { metrics: options.metrics } : {})
	});

	const localDocuments = directDocuments(
		hocuspocus,
		options.db,
		log,
		(name) => persistence.flush(name),
		(names) => persistence.erase(names),
		epoch,
		() => persistence.saving.paused,
		async () => {
			await Promise.all([sessionWatch.checkNow(), tokenWatch.checkNow()]);
		}
	);
	scaleOut?.events
		.start((event) => applyClusterEvent(localDocuments, event))
		.catch((error: unknown) =>
			log.error({ err: error }, 'cannot hear other servers through Redis')
		);

	return {
		hocuspocus,
		live: scaleOut ? clusteredDocuments(localDocuments, scaleOut.events, log) : localDocuments,
		flushUpdateLog: () => persistence.flushAll(),
		settleRelayedEdits: () => persistence.settleRelayed(),
		savingPaused: () => persistence.saving.paused,
		handleUpgrade(request, socket, head) {
			const endpoint = isCollabRequest(request.url)
				? adapter
				: isYwsRequest(request.url)
					? yws
					: null;
			if (!endpoint) return false;
			endpoint.handleUpgrade(request, socket, head).catch((error: unknown) => {
				log.error({ err: error }, 'websocket upgrade failed');
				socket.destroy();
			});
			return true;
		},
		async destroy() {
			closing = true;
			const documents = [...hocuspocus.documents.values()];
			// Let messages already being handled finish, so that their updates are stored.
			await Promise.all(
				documents.flatMap((document) =>
					(document.getConnections() as Connection<CollabContext>[]).map((connection) =>
						connection.waitForPendingMessages()
					)
				)
			);
			await persistence.flushAll();
			await merger.stop();
			// Store each document now (state, then projection), in place of its pending
			// debounced store: the next start loads from the state, not the log.
			persistence.compactOnEveryStore();
			await Promise.all(
				documents.map((document) =>
					hocuspocus.storeDocumentHooks(
						document,
						{
							clientsCount: document.getConnectionsCount(),
							document,
							documentName: document.name,
							instance: hocuspocus,
							lastContext: SERVER_ORIGIN.context,
							lastTransactionOrigin: SERVER_ORIGIN
						},
						true
					)
				)
			);
			await openingAudit.flush();
			// y-websocket clients first, so they hear "going away" rather than a document closed.
			yws.closeAll(1001, 'Server shutting down');
			hocuspocus.closeConnections();
			adapter.closeAll(1001, 'Server shutting down', true);
			persistence.stop();
			sessionWatch.stop();
			tokenWatch.stop();
			if (scaleOut) {
				await scaleOut.extension.onDestroy();
				await scaleOut.stop();
			}
			if (persistence.hasUnwrittenUpdates()) {
				throw new Error('Some edits could not be written to the database before shutdown');
			}
		}
	};
}
