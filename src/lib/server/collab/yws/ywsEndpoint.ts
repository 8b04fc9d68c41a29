import type { Hocuspocus, WebSocketLike } from '@hocuspocus/server';
import crossws, { type NodeAdapter } from 'crossws/adapters/node';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { authenticateCookieHeader } from '../../auth/session.ts';
import { authenticateToolToken, bearerToken, type ToolTokenGrant } from '../../auth/toolTokens.ts';
import type { Database } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import { recordToolTokenUse } from '../../services/account/toolTokens.ts';
import { collabClientToken } from '../../../shared/collab/clientToken.ts';
import { parseDocumentName } from '../../../shared/collab/documentName.ts';
import { websocketClientAddress } from '../clientAddress.ts';
import type { CollabMetrics } from '../../metrics.ts';
import type { CollabContext } from '../context.ts';
import { isAllowedOrigin } from '../origin.ts';
import type { SavingState } from '../savingGate.ts';
import type { SessionHolder, SessionWatch } from '../sessionWatch.ts';
import { authFrame, fromHocuspocus, toHocuspocus, YWS_CLOSE } from './ywsFrames.ts';

export const YWS_PATH = '/yws';

export function isYwsRequest(url: string | undefined): boolean {
	const path = url?.split('?', 1)[0];
	return path === YWS_PATH || path?.startsWith(`${YWS_PATH}/`) === true;
}

/** The document a /yws/<name> URL asks for, if it is a name Coplan serves. */
export function ywsDocumentName(url: URL): string | null {
	if (!url.pathname.startsWith(`${YWS_PATH}/`)) return null;
	let name: string;
	try {
		name = decodeURIComponent(url.pathname.slice(YWS_PATH.length + 1));
	} catch {
		return null;
	}
	return parseDocumentName(name) === null ? null : name;
}

export interface YwsEndpointOptions {
	hocuspocus: Hocuspocus<CollabContext>;
	db: Database;
	logger: Logger;
	origin?: string;
	maxMessageBytes: number;
	saving: SavingState;
	isClosing(): boolean;
	/** Closes cookie-authenticated sockets when their session ends. */
	sessions: SessionWatch;
	/** Closes token-authenticated sockets when their token is revoked or expires. */
	tokens: SessionWatch;
	/** Counts frames in and out (/metrics), as for /collab. */
	metrics?: Pick<CollabMetrics, 'frameReceived' | 'frameSent'>;
}

export interface YwsEndpoint {
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void>;
	closeAll(code: number, reason: string): void;
}

interface Credentials {
	user: CollabContext['user'];
	sessionId: string | null;
	toolToken: ToolTokenGrant | null;
}

interface YwsPeer {
	documentName: string;
	connection: ReturnType<Hocuspocus<CollabContext>['handleConnection']>;
	/** Closes the socket; frames already on their way are then ignored. */
	close(code: number, reason: string): void;
	closed(): boolean;
	unwatch(): void;
}

/** WebSocket.CLOSED, for a socket crossws no longer knows the state of. */
const CLOSED = 3;

/**
 * `/yws/<document>`: the standard y-websocket protocol on the documents Hocuspocus serves.
 * Each socket is handed to `hocuspocus.handleConnection` through a frame translator
 * (ywsFrames.ts), so every hook — authentication, can(), read-only, chair locks,
 * restricted documents, size limits, the update log — applies as on /collab. Credentials:
 * a tool token (Authorization: Bearer, or ?token= where a browser cannot set headers), or
 * the session cookie from a page of our own origin.
 */
export function createYwsEndpoint(options: YwsEndpointOptions): YwsEndpoint {
	const log = options.logger.child({ endpoint: 'yws' });
	const peers = new WeakMap<object, YwsPeer>();

	async function credentialsOf(request: Request): Promise<Credentials | Response> {
		const secret =
			bearerToken(request.headers.get('authorization')) ??
			new URL(request.url).searchParams.get('token');
		if (secret !== null) {
			// A token is not a browser's ambient credential: no origin check is needed.
			const found = await authenticateToolToken(options.db, secret);
			return { user: found?.user ?? null, sessionId: null, toolToken: found?.token ?? null };
		}
		if (!isAllowedOrigin(request.headers, options.origin)) {
			log.warn({ origin: request.headers.get('origin') }, 'websocket refused: wrong origin');
			return new Response('Forbidden origin', { status: 403 });
		}
		const { user, session } = await authenticateCookieHeader(
			options.db,
			request.headers.get('cookie')
		);
		return { user, sessionId: session?.id ?? null, toolToken: null };
	}

	function recordUse(credentials: Credentials, documentName: string, address: string | null) {
		const { user, toolToken } = credentials;
		if (!user || !toolToken) return;
		recordToolTokenUse(options.db, {
			userId: user.id,
			tokenId: toolToken.id,
			meetingId: toolToken.meetingId,
			documentName,
			ip: address
		}).catch((error: unknown) => log.warn({ err: error }, 'audit write failed'));
	}

	const adapter: NodeAdapter = crossws({
		// Frames over the limit are refused by the websocket server itself (1009).
		serverOptions: { maxPayload: options.maxMessageBytes },
		hooks: {
			async upgrade(request) {
				if (options.isClosing()) return new Response('Shutting down', { status: 503 });
				const credentials = await credentialsOf(request);
				if (credentials instanceof Response) return credentials;
				return { context: { ...credentials } };
			},
			open(peer) {
				const documentName = ywsDocumentName(new URL(peer.request.url));
				if (documentName === null) {
					// Accepted, then closed with a 44xx code: the client is told why and does not retry.
					peer.close(YWS_CLOSE.unknownDocument.code, YWS_CLOSE.unknownDocument.reason);
					return;
				}
				const credentials = peer.context as unknown as Credentials;
				const address = websocketClientAddress(peer.request.headers, peer.remoteAddress);
				let closed = false;
				const close = (code: number, reason: string) => {
					closed = true;
					peer.close(code, reason);
				};
				const socket: WebSocketLike = {
					get readyState() {
						return peer.websocket.readyState ?? CLOSED;
					},
					send(data) {
						if (!(data instanceof Uint8Array)) return;
						const outbound = fromHocuspocus(data);
						if (outbound.kind === 'send') {
							options.metrics?.frameSent();
							peer.send(outbound.frame);
						} else if (outbound.kind === 'close') close(outbound.code, outbound.reason);
						else if (outbound.kind === 'opened') recordUse(credentials, documentName, address);
					},
					close
				};
				const context: CollabContext = {
					user: credentials.user,
					...(credentials.toolToken ? { toolToken: credentials.toolToken } : {}),
					endpoint: YWS_PATH,
					address,
					saving: options.saving
				};
				const connection = options.hocuspocus.handleConnection(socket, peer.request, context);
				const kind = parseDocumentName(documentName)?.kind ?? 'meeting';
				connection.handleMessage(authFrame(documentName, collabClientToken(kind)));
				const holder: SessionHolder = { close };
				const { sessionId, toolToken } = credentials;
				if (sessionId) options.sessions.add(sessionId, holder);
				if (toolToken) options.tokens.add(toolToken.id, holder);
				peers.set(peer, {
					documentName,
					connection,
					close,
					closed: () => closed,
					unwatch() {
						if (sessionId) options.sessions.remove(sessionId, holder);
						if (toolToken) options.tokens.remove(toolToken.id, holder);
					}
				});
			},
			message(peer, message) {
				// While shutting down, edits are not taken: the client sends them again later.
				if (options.isClosing()) return;
				options.metrics?.frameReceived();
				const state = peers.get(peer);
				// A refused frame or access ends the socket: what was sent after it goes nowhere.
				if (!state || state.closed()) return;
				const inbound = toHocuspocus(state.documentName, message.uint8Array());
				if (!inbound.ok) {
					log.warn({ peer: peer.id, reason: inbound.close.reason }, 'y-websocket frame refused');
					state.close(inbound.close.code, inbound.close.reason);
					return;
				}
				state.connection.handleMessage(inbound.frame);
			},
			close(peer, event) {
				if (event.code === 1009) log.warn({ peer: peer.id }, 'websocket closed: message too large');
				const state = peers.get(peer);
				state?.connection.handleClose({ code: event.code ?? 1005, reason: event.reason ?? '' });
				state?.unwatch();
				peers.delete(peer);
			},
			error(peer, error) {
				log.warn({ err: error, peer: peer.id }, 'websocket error');
			}
		}
	});

	return {
		handleUpgrade: (request, socket, head) => adapter.handleUpgrade(request, socket, head),
		closeAll: (code, reason) => adapter.closeAll(code, reason, true)
	};
}
