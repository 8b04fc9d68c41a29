import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Tokens for links sent by email (sign-in links, password resets, invitations). The raw
 * token exists only in the email and the browser; the database keeps its SHA-256, so
 * someone who reads the database cannot follow a link that is still live.
 */

/** 20 random bytes (160 bits), as 32 lower-case base32 characters: safe in a URL path. */
export function generateLinkToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashLinkToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

const LINK_TOKEN_SHAPE = /^[a-z2-7]{32}$/;

/** Anything not shaped like one of our tokens was mistyped or tampered with: never queried. */
export function isLinkTokenShaped(token: string): boolean {
	return LINK_TOKEN_SHAPE.test(token);
}
