import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { COLLAB_CLOSE_CODES, COLLAB_DENIAL } from '../../../shared/collab/closeCodes.ts';

/**
 * Translates between the y-websocket protocol (one document per socket: a frame is a
 * message type, then its body) and Hocuspocus's (a frame is the document name, then the
 * same types). Types 0 (sync) and 1 (awareness) mean the same on both sides, so a frame
 * crosses with its name added or taken off; what only Hocuspocus speaks (authentication,
 * stateless messages, sync status) never reaches a y-websocket client. Pure functions:
 * ywsEndpoint.ts does the I/O.
 */

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
/** Hocuspocus's "sync, but do not ask back": the same as SYNC to a y-websocket client. */
const SYNC_REPLY = 4;
/** Hocuspocus's "this document's connection is closed", with a reason. */
const CLOSE = 7;
/** Hocuspocus's auth sub-types (its own, unlike y-protocols/auth). */
const AUTH_PERMISSION_DENIED = 1;
const AUTH_AUTHENTICATED = 2;
/** y-protocols/sync sub-types: step 1, step 2, update. */
const SYNC_STEPS = new Set([0, 1, 2]);
const SYNC_STEP_1 = 0;

/** Close codes for y-websocket clients. 44xx: the y-websocket client does not reconnect. */
export const YWS_CLOSE = {
	badMessage: { code: 4400, reason: 'malformed-message' },
	unsupportedMessage: { code: 4400, reason: 'unsupported-message-type' },
	unknownDocument: { code: 4404, reason: COLLAB_DENIAL.unknownDocument }
} as const;

const DENIAL_CODES: Record<string, number> = {
	[COLLAB_DENIAL.unauthenticated]: 4401,
	[COLLAB_DENIAL.forbidden]: 4403,
	[COLLAB_DENIAL.restrictedForbidden]: 4403,
	[COLLAB_DENIAL.unknownDocument]: 4404,
	[COLLAB_DENIAL.schemaMismatch]: 4409,
	[COLLAB_DENIAL.documentTooLarge]: COLLAB_CLOSE_CODES.documentTooLarge
};

/** The close code a refusal's reason maps to (any other refusal: 4403). */
export function closeCodeForDenial(reason: string): number {
	return DENIAL_CODES[reason] ?? 4403;
}

export type Inbound =
	{ ok: true; frame: Uint8Array } | { ok: false; close: { code: number; reason: string } };

/** Reads a whole awareness update, so a malformed one is refused here, not deep in Hocuspocus. */
function isAwarenessUpdate(update: Uint8Array): boolean {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	for (let index = 0; index < count; index++) {
		decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
		JSON.parse(decoding.readVarString(decoder));
	}
	return !decoding.hasContent(decoder);
}

/** Whether the frame is one well-formed message of a type a y-websocket client may send. */
function checkInbound(frame: Uint8Array): Inbound | null {
	const decoder = decoding.createDecoder(frame);
	const type = decoding.readVarUint(decoder);
	if (type === SYNC) {
		const step = decoding.readVarUint(decoder);
		if (!SYNC_STEPS.has(step)) return { ok: false, close: YWS_CLOSE.badMessage };
		const payload = decoding.readVarUint8Array(decoder);
		// A state vector or update that does not parse would be refused deep inside
		// Hocuspocus with a generic close that the client retries for ever; parsed here, it
		// gets a clear one.
		if (step === SYNC_STEP_1) Y.decodeStateVector(payload);
		else Y.decodeUpdate(payload);
	} else if (type === AWARENESS) {
		if (!isAwarenessUpdate(decoding.readVarUint8Array(decoder))) {
			return { ok: false, close: YWS_CLOSE.badMessage };
		}
	} else if (type !== QUERY_AWARENESS) {
		return { ok: false, close: YWS_CLOSE.unsupportedMessage };
	}
	return decoding.hasContent(decoder) ? { ok: false, close: YWS_CLOSE.badMessage } : null;
}

/** A y-websocket client's frame as Hocuspocus reads it, or how to close the socket. */
export function toHocuspocus(documentName: string, frame: Uint8Array): Inbound {
	try {
		const refused = checkInbound(frame);
		if (refused) return refused;
	} catch {
		// lib0 throws on a frame that ends early, Yjs on a bad update, JSON.parse on a bad
		// awareness state.
		return { ok: false, close: YWS_CLOSE.badMessage };
	}
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, documentName);
	encoding.writeUint8Array(encoder, frame);
	return { ok: true, frame: encoding.toUint8Array(encoder) };
}

/**
 * The authentication frame Hocuspocus waits for before anything else on a document. The
 * y-websocket client has no such step: the endpoint sends it on the client's behalf, with
 * the schema-version token (shared/collab/clientToken.ts) as the provider's token.
 */
export function authFrame(documentName: string, token: string): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, documentName);
	encoding.writeVarUint(encoder, AUTH);
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarString(encoder, token);
	return encoding.toUint8Array(encoder);
}

export type Outbound =
	| { kind: 'send'; frame: Uint8Array }
	/** The document was opened: nothing to send (y-websocket has no such message). */
	| { kind: 'opened' }
	| { kind: 'close'; code: number; reason: string }
	| { kind: 'drop' };

/** What a frame Hocuspocus sends becomes for the y-websocket client. */
export function fromHocuspocus(frame: Uint8Array): Outbound {
	try {
		const decoder = decoding.createDecoder(frame);
		decoding.readVarString(decoder);
		const start = decoder.pos;
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case SYNC:
			case AWARENESS:
			case QUERY_AWARENESS:
				return { kind: 'send', frame: frame.subarray(start) };
			case SYNC_REPLY: {
				const encoder = encoding.createEncoder();
				encoding.writeVarUint(encoder, SYNC);
				encoding.writeUint8Array(encoder, frame.subarray(decoder.pos));
				return { kind: 'send', frame: encoding.toUint8Array(encoder) };
			}
			case AUTH: {
				const authType = decoding.readVarUint(decoder);
				if (authType === AUTH_AUTHENTICATED) return { kind: 'opened' };
				if (authType !== AUTH_PERMISSION_DENIED) return { kind: 'drop' };
				const reason = decoding.readVarString(decoder);
				return { kind: 'close', code: closeCodeForDenial(reason), reason };
			}
			case CLOSE: {
				// Hocuspocus closed this document's connection: a y-websocket socket is that one
				// document, so the socket closes. A refusal's reason keeps its code.
				const reason = decoding.hasContent(decoder) ? decoding.readVarString(decoder) : '';
				const code = reason in DENIAL_CODES ? closeCodeForDenial(reason) : 1011;
				return { kind: 'close', code, reason: reason.slice(0, 120) };
			}
			default:
				// Stateless messages, sync status, token requests: Hocuspocus's own.
				return { kind: 'drop' };
		}
	} catch {
		return { kind: 'drop' };
	}
}
