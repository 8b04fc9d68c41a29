import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	isCommonPassword,
	newPasswordField,
	PASSWORD_MESSAGES,
	passwordProblem
} from './passwordPolicy.ts';

describe('passwordProblem', () => {
	it('accepts a long, uncommon password', () => {
		expect(passwordProblem('correct horse battery staple')).toBeNull();
	});

	it('asks for at least 8 characters and accepts exactly 8', () => {
		expect(passwordProblem('Xq7#kL2')).toBe(PASSWORD_MESSAGES.tooShort);
		expect(passwordProblem('Xq7#kL2p')).toBeNull();
	});

	it('counts characters as people do, so four emoji are four characters', () => {
		expect(passwordProblem('🦊🦉🐢🐙')).toBe(PASSWORD_MESSAGES.tooShort);
		expect(passwordProblem('🦊🦉🐢🐙🦔🐝🦋🐌')).toBeNull();
	});

	it('accepts 256 characters and refuses 257', () => {
		expect(passwordProblem('q'.repeat(255) + 'z')).toBeNull();
		expect(passwordProblem('q'.repeat(257))).toBe(PASSWORD_MESSAGES.tooLong);
	});

	it('refuses passwords from the common list, whatever their case', () => {
		expect(passwordProblem('password')).toBe(PASSWORD_MESSAGES.common);
		expect(passwordProblem('PassWord')).toBe(PASSWORD_MESSAGES.common);
		expect(passwordProblem('12345678')).toBe(PASSWORD_MESSAGES.common);
		expect(passwordProblem('iloveyou')).toBe(PASSWORD_MESSAGES.common);
		expect(PASSWORD_MESSAGES.common).toMatch(/^Choose a password that is harder to guess/);
	});

	it('refuses the account email address as a password', () => {
		expect(passwordProblem('Sam@Example.org', 'sam@example.org')).toBe(
			PASSWORD_MESSAGES.sameAsEmail
		);
	});
});

describe('the shipped common-password list', () => {
	it('is loaded in full and compared case-insensitively', () => {
		expect(isCommonPassword('qwerty')).toBe(true);
		expect(isCommonPassword('QWERTY')).toBe(true);
		expect(isCommonPassword('coplan-demo-2026')).toBe(false);
		// The first and last lines of the file, so a truncated or mis-split list fails here.
		expect(isCommonPassword('*****')).toBe(true);
		expect(isCommonPassword('zzzzzzzz')).toBe(true);
	});
});

describe('newPasswordField', () => {
	const schema = v.object({ password: newPasswordField('Enter a new password') });
	const firstMessage = (password: string) => {
		const result = v.safeParse(schema, { password });
		return result.success ? null : result.issues[0].message;
	};

	it('gives the empty-field message first, then the policy messages', () => {
		expect(firstMessage('')).toBe('Enter a new password');
		expect(firstMessage('short')).toBe(PASSWORD_MESSAGES.tooShort);
		expect(firstMessage('sunshine')).toBe(PASSWORD_MESSAGES.common);
		expect(firstMessage('a sensible passphrase')).toBeNull();
	});
});
