import { parseDocumentName } from '../../shared/collab/documentName.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The address a Hocuspocus frame starts with (a lib0 varString: its byte length as a
 * variable-length integer, then UTF-8) and where it ends, or null if there is none.
 */
function readAddress(frame: Uint8Array): { address: string; end: number } | null {
	let length = 0;
	let offset = 0;
	for (let shift = 0; ; shift += 7) {
		if (offset >= frame.length || shift > 28) return null;
		const byte = frame[offset++] ?? 0;
		length += (byte & 0x7f) * 2 ** shift;
		if (byte < 0x80) break;
	}
	const end = offset + length;
	if (end > frame.length) return null;
	try {
		return { address: utf8.decode(frame.subarray(offset, end)), end };
	} catch {
		return null;
	}
}

export function frameAddress(frame: Uint8Array): string | null {
	return readAddress(frame)?.address ?? null;
}

/** Hocuspocus's message type after the address (0 sync, 1 awareness, …), or null. */
export function frameType(frame: Uint8Array): number | null {
	const read = readAddress(frame);
	const type = read ? frame[read.end] : undefined;
	return type === undefined || type >= 0x80 ? null : type;
}

/**
 * The document a frame is for, if it is a name Coplan serves. Checked before a frame
 * reaches Hocuspocus, which keeps its per-socket state in plain objects keyed by name:
 * `__proto__` or `constructor` would throw inside it (with a stack trace in the log).
 * Session-aware providers append "\0<session>" to the name.
 */
export function servedDocumentOf(frame: Uint8Array): string | null {
	const address = frameAddress(frame);
	if (address === null) return null;
	const separator = address.indexOf('\0');
	const name = separator === -1 ? address : address.slice(0, separator);
	return parseDocumentName(name) === null ? null : address;
}
