import type { Cookies } from '@sveltejs/kit';
import { timingSafeEqual } from 'node:crypto';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { macWithSecretKey } from './secretBox.ts';

/**
 * A "known device" cookie, set when someone signs in with the right password. It names
 * the account it was earned for and is signed with the server's secret key, so it cannot
 * be made up. A sign-in attempt from a device that carries one for that account is
 * limited on its own, apart from attempts by strangers: however many wrong passwords
 * others send for the account, from wherever, the owner on a device they have used
 * before can still sign in (see signIn.ts).
 */
export const DEVICE_COOKIE = 'coplan_device';
const PURPOSE = 'known sign-in device';
const DEVICE_ID_BYTES = 16;
/** A year: long enough to cover the gap between two annual reviews. */
const LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

function signature(deviceId: string, email: string, key?: Uint8Array): Uint8Array {
	return macWithSecretKey(`${deviceId}\n${email}`, PURPOSE, key);
}

/** The cookie's value for a new device and a (normalised) email address. */
export function deviceToken(email: string, key?: Uint8Array): string {
	const deviceId = encodeBase64urlNoPadding(
		crypto.getRandomValues(new Uint8Array(DEVICE_ID_BYTES))
	);
	return `${deviceId}.${encodeBase64urlNoPadding(signature(deviceId, email, key))}`;
}

/** The device's id when the token was issued by this server for this email; else null. */
export function knownDeviceId(
	token: string | undefined,
	email: string,
	key?: Uint8Array
): string | null {
	if (!token || token.length > 200) return null;
	const [deviceId, signed, extra] = token.split('.');
	if (!deviceId || !signed || extra !== undefined) return null;
	let given: Uint8Array;
	try {
		given = decodeBase64urlIgnorePadding(signed);
	} catch {
		return null;
	}
	const expected = signature(deviceId, email, key);
	if (given.length !== expected.length) return null;
	return timingSafeEqual(given, expected) ? deviceId : null;
}

export function rememberDevice(cookies: Cookies, email: string, secure: boolean): void {
	cookies.set(DEVICE_COOKIE, deviceToken(email), {
		path: '/sign-in',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: new Date(Date.now() + LIFETIME_MS)
	});
}

/** The device id this browser holds for the email, if it has signed in to it here before. */
export function deviceKnownFor(cookies: Cookies, email: string): string | null {
	return knownDeviceId(cookies.get(DEVICE_COOKIE), email);
}
