/**
 * What the collaboration server tells each connection about saving, in stateless
 * messages (HocuspocusProvider's `stateless` event). "Saved" on a page means stored in
 * the database, so the page learns it from these, not from the provider's own sync
 * acknowledgement (which only says the server applied an edit in memory).
 *
 * - StoredNotice: how far each Yjs client's edits are stored, as state-vector clocks
 *   (for each client id, the number of its structs stored: everything below the clock is
 *   in the database). Sent in full when a connection has synced, then as changes each
 *   time a batch of the update log is committed. Clocks only grow; a reader keeps the
 *   highest it has seen for each client.
 * - StoreRequest (client → server): "tell me when everything I have sent so far is
 *   stored". Clocks cannot show that a change which only deleted text is stored (a
 *   deletion adds no struct, so no clock moves), so after such a change the page sends a
 *   request with a number; the server answers with a StoredNotice carrying that number
 *   once every update it received on this connection before the request is committed.
 *   Requests are per connection: after a reconnect the page asks again.
 * - SavingNotice: saving is paused (the database has not answered for a few seconds, or
 *   the server's write buffer is full) or has resumed. While paused, the server applies no
 *   edits: the page goes read-only and keeps what was typed on the device; when saving
 *   resumes the page sends it again (a fresh sync).
 */

export interface StoredNotice {
	type: 'stored';
	/** Client id (as a decimal string) → state-vector clock stored for it. */
	clocks: Record<string, number>;
	/** True when the notice lists every client of the document (first one after sync). */
	full: boolean;
	/** The highest StoreRequest id of this connection that this notice answers. */
	request?: number;
}

export interface StoreRequest {
	type: 'store-request';
	id: number;
}

export interface SavingNotice {
	type: 'saving';
	paused: boolean;
}

export const SAVING_PAUSED_TEXT =
	'Coplan cannot save right now. What you typed is kept on this device and will be sent when saving works again.';

export function encodeStoredNotice(
	clocks: ReadonlyMap<number, number>,
	full: boolean,
	request?: number
): string {
	const record: Record<string, number> = {};
	for (const [client, clock] of clocks) record[String(client)] = clock;
	const notice: StoredNotice = { type: 'stored', clocks: record, full };
	if (request !== undefined) notice.request = request;
	return JSON.stringify(notice);
}

export function encodeStoreRequest(id: number): string {
	return JSON.stringify({ type: 'store-request', id } satisfies StoreRequest);
}

export function parseStoreRequest(payload: string): StoreRequest | null {
	const value = parseObject(payload);
	if (!value || value.type !== 'store-request') return null;
	const { id } = value;
	return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0
		? { type: 'store-request', id }
		: null;
}

export function encodeSavingNotice(paused: boolean): string {
	return JSON.stringify({ type: 'saving', paused } satisfies SavingNotice);
}

function parseObject(payload: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(payload);
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: null;
	} catch {
		return null;
	}
}

const CLIENT_ID = /^\d{1,10}$/;

/** The stored clocks as a map, or null if the payload is not a stored notice. */
export function parseStoredNotice(
	payload: string
): { clocks: Map<number, number>; full: boolean; request: number | null } | null {
	const value = parseObject(payload);
	if (!value || value.type !== 'stored' || typeof value.full !== 'boolean') return null;
	const { clocks } = value;
	if (typeof clocks !== 'object' || clocks === null || Array.isArray(clocks)) return null;
	const map = new Map<number, number>();
	for (const [client, clock] of Object.entries(clocks as Record<string, unknown>)) {
		if (!CLIENT_ID.test(client) || typeof clock !== 'number') continue;
		if (!Number.isSafeInteger(clock) || clock < 0) continue;
		map.set(Number(client), clock);
	}
	const { request } = value;
	const answered =
		typeof request === 'number' && Number.isSafeInteger(request) && request >= 0 ? request : null;
	return { clocks: map, full: value.full, request: answered };
}

export function parseSavingNotice(payload: string): SavingNotice | null {
	const value = parseObject(payload);
	if (!value || value.type !== 'saving' || typeof value.paused !== 'boolean') return null;
	return { type: 'saving', paused: value.paused };
}
