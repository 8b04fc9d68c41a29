import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { emailTokens, type EmailTokenPurpose } from '../db/schema.ts';
import { generateLinkToken, hashLinkToken, isLinkTokenShaped } from './linkTokens.ts';

/**
 * Single-use emailed tokens (sign-in links, password resets) in email_tokens. Only the
 * token's SHA-256 is stored. A token is used up atomically, so two clicks racing each
 * other cannot both succeed.
 */

export type EmailTokenCheck =
	{ status: 'valid'; userId: string; expiresAt: Date } | { status: 'used' | 'expired' | 'unknown' };

export async function issueEmailToken(
	db: Database,
	options: { userId: string; purpose: EmailTokenPurpose; lifetimeMs: number; now?: Date }
): Promise<string> {
	const now = options.now ?? new Date();
	const token = generateLinkToken();
	await db.insert(emailTokens).values({
		tokenHash: hashLinkToken(token),
		purpose: options.purpose,
		userId: options.userId,
		expiresAt: new Date(now.getTime() + options.lifetimeMs),
		createdAt: now
	});
	return token;
}

/** Says whether a token could be used now, without using it (for the page a link opens). */
export async function checkEmailToken(
	db: Database,
	token: string,
	purpose: EmailTokenPurpose,
	now = new Date()
): Promise<EmailTokenCheck> {
	if (!isLinkTokenShaped(token)) return { status: 'unknown' };
	const [row] = await db
		.select()
		.from(emailTokens)
		.where(and(eq(emailTokens.tokenHash, hashLinkToken(token)), eq(emailTokens.purpose, purpose)));
	if (!row) return { status: 'unknown' };
	if (row.usedAt) return { status: 'used' };
	if (row.expiresAt.getTime() <= now.getTime()) return { status: 'expired' };
	return { status: 'valid', userId: row.userId, expiresAt: row.expiresAt };
}

/** Uses the token up if it is valid; otherwise says why it cannot be used. */
export async function consumeEmailToken(
	db: Database,
	token: string,
	purpose: EmailTokenPurpose,
	now = new Date()
): Promise<EmailTokenCheck> {
	if (!isLinkTokenShaped(token)) return { status: 'unknown' };
	const [row] = await db
		.update(emailTokens)
		.set({ usedAt: now })
		.where(
			and(
				eq(emailTokens.tokenHash, hashLinkToken(token)),
				eq(emailTokens.purpose, purpose),
				isNull(emailTokens.usedAt),
				gt(emailTokens.expiresAt, now)
			)
		)
		.returning({ userId: emailTokens.userId, expiresAt: emailTokens.expiresAt });
	if (row) return { status: 'valid', userId: row.userId, expiresAt: row.expiresAt };
	return checkEmailToken(db, token, purpose, now);
}

/** Makes every link still outstanding for the user stop working (e.g. after a password reset). */
export async function discardUnusedEmailTokens(
	db: Database,
	userId: string,
	now = new Date()
): Promise<void> {
	await db
		.update(emailTokens)
		.set({ usedAt: now })
		.where(and(eq(emailTokens.userId, userId), isNull(emailTokens.usedAt)));
}
