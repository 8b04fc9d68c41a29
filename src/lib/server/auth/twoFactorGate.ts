/**
 * Where a signed-in user who must set up two-factor authentication (their organisation
 * requires it) may still go: the set-up page itself, sign-out, and the health probes.
 * Everything else sends them to set-up, so the requirement cannot be walked around.
 */

export const TWO_FACTOR_SETUP_PATH = '/account/two-factor';

const OPEN_DURING_SETUP = [TWO_FACTOR_SETUP_PATH, '/sign-out', '/healthz', '/readyz'];

export function isOpenDuringTwoFactorSetup(pathname: string): boolean {
	if (pathname.startsWith('/_app/')) return true;
	return OPEN_DURING_SETUP.some((path) => pathname === path || pathname === `${path}/`);
}

/** The page to send the request to instead, or null to let it through. */
export function twoFactorSetupRedirect(pathname: string, setupRequired: boolean): string | null {
	if (!setupRequired || isOpenDuringTwoFactorSetup(pathname)) return null;
	return TWO_FACTOR_SETUP_PATH;
}
