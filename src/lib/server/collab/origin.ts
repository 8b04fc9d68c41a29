/**
 * Cross-site websocket hijacking defence: a browser always sends Origin on a websocket
 * upgrade, and a page on another site must not ride the user's session cookie into a
 * meeting. Clients that send no Origin (server-side tools) carry no browser cookie jar.
 */
export function isAllowedOrigin(headers: Headers, configuredOrigin: string | undefined): boolean {
	const origin = headers.get('origin');
	if (origin === null) return true;
	if (configuredOrigin) return origin === new URL(configuredOrigin).origin;
	const host = headers.get('host');
	try {
		return host !== null && new URL(origin).host === host;
	} catch {
		return false;
	}
}
