import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { recoveryCodes } from '../db/schema.ts';

/**
 * Two-factor recovery codes: ten single-use codes shown once at enrolment, for when the
 * phone is lost. Only their SHA-256 is stored; 80 random bits each make guessing futile
 * (and code attempts are rate-limited anyway).
 */

export const RECOVERY_CODE_COUNT = 10;

/** Four groups of four characters, e.g. "k3vq-7m2a-xp4d-9tnb". */
export function generateRecoveryCode(): string {
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	const text = encodeBase32LowerCaseNoPadding(bytes);
	return (text.match(/.{4}/g) ?? [text]).join('-');
}

/** Case, spaces and hyphens do not matter when a code is typed back in. */
export function normaliseRecoveryCode(code: string): string {
	return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function hashRecoveryCode(code: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseRecoveryCode(code))));
}

/** Replaces all of the user's codes with a new set, returned in plain text to show once. */
export async function replaceRecoveryCodes(db: Database, userId: string): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
	await db.transaction(async (tx) => {
		await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
		await tx
			.insert(recoveryCodes)
			.values(codes.map((code) => ({ codeHash: hashRecoveryCode(code), userId })));
	});
	return codes;
}

/**
 * Uses up one code. The update only matches an unused code of this user, so a code works
 * once even when two requests race with it.
 */
export async function useRecoveryCode(
	db: Database,
	userId: string,
	code: string,
	now = new Date()
): Promise<boolean> {
	if (normaliseRecoveryCode(code) === '') return false;
	const used = await db
		.update(recoveryCodes)
		.set({ usedAt: now })
		.where(
			and(
				eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
				eq(recoveryCodes.userId, userId),
				isNull(recoveryCodes.usedAt)
			)
		)
		.returning({ codeHash: recoveryCodes.codeHash });
	return used.length === 1;
}

export async function countUnusedRecoveryCodes(db: Database, userId: string): Promise<number> {
	const [row] = await db
		.select({ unused: count() })
		.from(recoveryCodes)
		.where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
	return row?.unused ?? 0;
}

export async function deleteRecoveryCodes(db: Database, userId: string): Promise<void> {
	await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}
