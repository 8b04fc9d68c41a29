/**
 * Where to send someone after signing in. Only a path on this site is ever followed (a
 * `redirectTo` of "//evil.example" or "https://…" would otherwise be an open redirect).
 */

export const HOME_PATH = '/home';
export const TWO_FACTOR_SIGN_IN_PATH = '/sign-in/two-factor';

export function safeRedirectTarget(target: string | null | undefined): string {
	return target && /^\/(?![/\\])/.test(target) ? target : HOME_PATH;
}

/**
 * Where a new session goes next: straight to the target, or first to the code page when
 * the user has two-factor authentication (the session is not signed in until then). Every
 * way of signing in (password, emailed link, accepted invitation) should use this.
 */
export function pathAfterSignIn(twoFactorEnabled: boolean, redirectTo?: string | null): string {
	const target = safeRedirectTarget(redirectTo);
	if (!twoFactorEnabled) return target;
	return target === HOME_PATH
		? TWO_FACTOR_SIGN_IN_PATH
		: `${TWO_FACTOR_SIGN_IN_PATH}?redirectTo=${encodeURIComponent(target)}`;
}
