import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CollabTestServer } from './collabTestServer.ts';

/** The /yws address of a test server: y-websocket appends "/<document>" itself. */
export function ywsUrl(server: CollabTestServer): string {
	return `ws://127.0.0.1:${server.port}/yws`;
}

export interface YwsClient {
	provider: WebsocketProvider;
	document: Y.Doc;
	/** Every close the server sent this client, in order. */
	closes: { code: number; reason: string }[];
	destroy(): void;
}

export interface YwsClientOptions {
	server: CollabTestServer;
	name: string;
	/** Sent as Authorization: Bearer, unless `tokenInQuery`. */
	token?: string;
	tokenInQuery?: boolean;
	cookie?: string;
	document?: Y.Doc;
}

/**
 * The real y-websocket WebsocketProvider, in Node, as a tool would use it. Node's `ws`
 * takes headers, so a token can go in the Authorization header (a browser's cannot).
 */
export function connectYws(options: YwsClientOptions): YwsClient {
	const headers: Record<string, string> = {};
	if (options.token && !options.tokenInQuery) headers.authorization = `Bearer ${options.token}`;
	if (options.cookie) headers.cookie = options.cookie;
	const closes: { code: number; reason: string }[] = [];
	class HeaderWebSocket extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers });
			this.on('close', (code: number, reason: Buffer) =>
				closes.push({ code, reason: reason.toString() })
			);
		}
	}
	const document = options.document ?? new Y.Doc();
	const provider = new WebsocketProvider(ywsUrl(options.server), options.name, document, {
		// ws is API-compatible with the browser's WebSocket that y-websocket's types name.
		WebSocketPolyfill: HeaderWebSocket as unknown as typeof globalThis.WebSocket,
		params: options.token && options.tokenInQuery ? { token: options.token } : {},
		// Two clients in one process must not share edits behind the server's back.
		disableBc: true
	});
	return {
		provider,
		document,
		closes,
		destroy() {
			provider.destroy();
			document.destroy();
		}
	};
}
