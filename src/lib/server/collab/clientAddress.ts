/**
 * The address a websocket came from, read as the app's pages read theirs: adapter-node's
 * ADDRESS_HEADER (and XFF_DEPTH for X-Forwarded-For) when Coplan sits behind a proxy,
 * the socket's own address otherwise.
 */
export function websocketClientAddress(
	headers: Headers,
	socketAddress: string | undefined,
	env: NodeJS.ProcessEnv = process.env
): string | null {
	const header = env.ADDRESS_HEADER?.toLowerCase();
	if (!header) return socketAddress ?? null;
	const value = headers.get(header);
	if (!value) return null;
	if (header !== 'x-forwarded-for') return value.trim();
	const addresses = value.split(',').map((part) => part.trim());
	const depth = Number.parseInt(env.XFF_DEPTH ?? '1', 10) || 1;
	return addresses[addresses.length - depth] ?? null;
}
