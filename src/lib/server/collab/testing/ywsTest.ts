import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import type { Database } from '../../db/client.ts';
import { readSchemaVersion } from '../../../shared/collab/meetingDoc.ts';
import { createToolTokenFor, type ChildWithTeam } from '../../testing/factories.ts';
import { waitFor } from './collabTestServer.ts';
import { connectYws, type YwsClient, type YwsClientOptions } from './ywsClients.ts';

/**
 * Helpers for Vitest tests of /yws: clients and sockets closed when the test ends. Kept
 * apart from ywsClients.ts, which imports no Vitest.
 */

/** A read-write (or read-only) tool token of a team member for one meeting: its secret. */
export async function tokenFor(
	db: Database,
	team: ChildWithTeam,
	key: string,
	meetingId: string,
	readOnly = false
): Promise<string> {
	return (await createToolTokenFor(db, team, key, meetingId, readOnly)).secret;
}

/** A y-websocket client, destroyed when the test ends. */
export function yws(options: YwsClientOptions): YwsClient {
	const client = connectYws(options);
	onTestFinished(() => client.destroy());
	return client;
}

/** Waits until the client has synced the meeting (it exists, with its schema version). */
export async function synced(client: YwsClient, what: string): Promise<YwsClient> {
	await waitFor(() => client.provider.synced && readSchemaVersion(client.document) !== null, what);
	return client;
}

export function closedWith(client: YwsClient, code: number, reason?: string): boolean {
	return client.closes.some(
		(close) => close.code === code && (reason === undefined || close.reason === reason)
	);
}

/**
 * Makes a y-websocket client's awareness change and waits until another client sees it:
 * the server handles one socket's frames in order, so everything the client sent before
 * has been handled too.
 */
export async function flushThrough(
	client: YwsClient,
	observer: { awareness: YwsClient['provider']['awareness'] | null }
): Promise<void> {
	const marker = crypto.randomUUID();
	client.provider.awareness.setLocalStateField('marker', marker);
	await waitFor(
		() =>
			[...(observer.awareness?.getStates().values() ?? [])].some(
				(state) => (state as { marker?: string }).marker === marker
			),
		'the y-websocket client’s frames to be handled'
	);
}

export interface RawSocket {
	socket: WebSocket;
	/** Every frame the server sent, in order. */
	frames: Uint8Array[];
	closed: Promise<{ code: number; reason: string }>;
}

/** A plain websocket to /yws, open, that records every frame the server sends it. */
export async function rawSocket(url: string, headers: Record<string, string>): Promise<RawSocket> {
	const socket = new WebSocket(url, { headers });
	onTestFinished(() => socket.terminate());
	const frames: Uint8Array[] = [];
	socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		socket.on('close', (code: number, reason: Buffer) =>
			resolve({ code, reason: reason.toString() })
		)
	);
	socket.on('error', () => {});
	await new Promise<void>((resolve, reject) => {
		socket.once('open', () => resolve());
		socket.once('error', reject);
	});
	return { socket, frames, closed };
}
