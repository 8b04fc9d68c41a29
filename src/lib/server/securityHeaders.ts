/**
 * Headers on every response the app makes (the Content-Security-Policy itself comes from
 * `kit.csp` in svelte.config.js, with a nonce per page).
 */
const ALWAYS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

/** A year, as browsers' preload lists expect; only ever sent over https. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Sets the security headers. Pages and files here hold children's data: nothing may be
 * kept by the browser's or a proxy's cache (a shared computer at school, the back button
 * after signing out) unless the route chose otherwise itself. Static assets never pass
 * through here: adapter-node serves them, with their own long cache lifetimes.
 */
export function applySecurityHeaders(headers: Headers, options: { https: boolean }): void {
	for (const [name, value] of Object.entries(ALWAYS)) headers.set(name, value);
	if (options.https) headers.set('strict-transport-security', HSTS);
	if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
}
