import * as v from 'valibot';
// Vite inlines the list into the server bundle, so it works wherever build/ is deployed.
// The price: this module needs Vite (SvelteKit routes, Vitest). Nothing under server/ or
// scripts/ may import it, because plain Node cannot load a `?raw` import.
import commonPasswordsText from './common-passwords.txt?raw';

/**
 * What makes a new password acceptable: NCSC and NIST advice rather than composition
 * rules. Long enough, not absurdly long (argon2 would hash megabytes), and not one of
 * the 10,000 passwords attackers try first.
 */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_MESSAGES = {
	tooShort: `Password must be ${PASSWORD_MIN_LENGTH} characters or more`,
	tooLong: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
	common:
		'Choose a password that is harder to guess: this one is on a list of the most common passwords',
	sameAsEmail: 'Choose a password that is harder to guess: do not use your email address'
} as const;

let commonPasswords: Set<string> | undefined;

/** Parsed on first use, then kept: 10,000 lower-cased entries. */
function commonPasswordSet(): Set<string> {
	commonPasswords ??= new Set(
		commonPasswordsText
			.split(/\r?\n/)
			.map((line) => line.trim().toLowerCase())
			.filter((line) => line !== '')
	);
	return commonPasswords;
}

/** Length in characters as a person counts them (an emoji is one, not two UTF-16 units). */
function characterCount(password: string): number {
	return [...password].length;
}

export function isCommonPassword(password: string): boolean {
	return commonPasswordSet().has(password.trim().toLowerCase());
}

/** The first reason the password is not acceptable, or null when it is. */
export function passwordProblem(password: string, email?: string): string | null {
	const length = characterCount(password);
	if (length < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.tooShort;
	if (length > PASSWORD_MAX_LENGTH) return PASSWORD_MESSAGES.tooLong;
	if (isCommonPassword(password)) return PASSWORD_MESSAGES.common;
	if (email !== undefined && password.trim().toLowerCase() === email.trim().toLowerCase()) {
		return PASSWORD_MESSAGES.sameAsEmail;
	}
	return null;
}

/**
 * A form field for a new password, for valibot schemas: the same rules with the same
 * messages, e.g. `v.object({ password: newPasswordField('Enter a new password') })`.
 */
export function newPasswordField(emptyMessage = 'Enter a password') {
	return v.pipe(
		v.string(),
		v.nonEmpty(emptyMessage),
		v.check((value) => characterCount(value) >= PASSWORD_MIN_LENGTH, PASSWORD_MESSAGES.tooShort),
		v.check((value) => characterCount(value) <= PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES.tooLong),
		v.check((value) => !isCommonPassword(value), PASSWORD_MESSAGES.common)
	);
}
