import { randomUUID } from 'node:crypto';

/** A proxy's request id is kept when it looks like one; otherwise a new one is made. */
const ACCEPTABLE_ID = /^[\w.-]{8,64}$/;

export function requestIdFrom(headers: Headers): string {
	const incoming = headers.get('x-request-id');
	return incoming !== null && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
}
