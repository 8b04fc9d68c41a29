import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { connectProvider } from '../../src/lib/server/collab/testing/collabTestServer.ts';

/** One client of a live document, whichever protocol its server speaks. */
export interface BenchClient {
	doc: Y.Doc;
	synced: Promise<void>;
	close(): void;
}

export type ServerKind = 'coplan' | 'hocuspocus' | 'y-websocket';

/** A HocuspocusProvider over its own websocket, as the browser client connects. */
export function hocuspocusClient(url: string, name: string, cookie?: string): BenchClient {
	const connection = connectProvider({ url, name, cookie });
	const synced = new Promise<void>((resolve) => {
		if (connection.provider.isSynced) resolve();
		connection.provider.on('synced', () => resolve());
	});
	return { doc: connection.document, synced, close: () => connection.close() };
}

const MESSAGE_SYNC = 0;

/** The y-websocket protocol's sync messages (what its WebsocketProvider sends), minimal. */
export function yWebsocketClient(url: string, name: string): BenchClient {
	const doc = new Y.Doc();
	const ws = new WebSocket(`${url}/${name}`);
	ws.binaryType = 'arraybuffer';
	let markSynced: () => void = () => {};
	const synced = new Promise<void>((resolve) => (markSynced = resolve));
	const send = (write: (encoder: encoding.Encoder) => void) => {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		write(encoder);
		if (ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(encoder));
	};
	ws.on('open', () => send((encoder) => syncProtocol.writeSyncStep1(encoder, doc)));
	ws.on('error', () => {});
	ws.on('message', (data: ArrayBuffer) => {
		const decoder = decoding.createDecoder(new Uint8Array(data));
		if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		const type = syncProtocol.readSyncMessage(decoder, encoder, doc, ws);
		if (type === syncProtocol.messageYjsSyncStep2) markSynced();
		if (encoding.length(encoder) > 1 && ws.readyState === WebSocket.OPEN) {
			ws.send(encoding.toUint8Array(encoder));
		}
	});
	doc.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== ws) send((encoder) => syncProtocol.writeUpdate(encoder, update));
	});
	return { doc, synced, close: () => ws.terminate() };
}

/** The text every typist writes into: a meeting field's first paragraph, made if missing. */
export function typingText(doc: Y.Doc, create: boolean): Y.XmlText | null {
	const fragment = doc.getXmlFragment('field:familyViews');
	const paragraph = fragment.get(0);
	if (paragraph instanceof Y.XmlElement) {
		const text = paragraph.get(0);
		if (text instanceof Y.XmlText) return text;
		if (!create) return null;
		const made = new Y.XmlText();
		paragraph.insert(0, [made]);
		return made;
	}
	if (!create) return null;
	const made = new Y.XmlText();
	const element = new Y.XmlElement('paragraph');
	element.insert(0, [made]);
	fragment.insert(0, [element]);
	return made;
}
