import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { revokeAllToolTokens } from './toolTokens.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { passwordProblem } from '../../auth/passwordPolicy.ts';
import { clear, consume, minutesToWait } from '../../auth/rateLimit.ts';
import {
	createSession,
	generateSessionToken,
	invalidateAllSessions,
	markSessionTwoFactorVerified,
	type Session
} from '../../auth/session.ts';

/**
 * Changing a password signs the account out everywhere: whoever might have known the old
 * password loses any session they had. The device that made the change gets a new
 * session, so the person carries on where they are.
 */

/** A stolen session must not become a way to guess the current password at leisure. */
export const CURRENT_PASSWORD_LIMIT = { limit: 5, windowMs: 15 * 60 * 1000 } as const;

export type ChangePasswordResult =
	{ ok: true; token: string; session: Session } | { ok: false; errors: Record<string, string> };

export async function changePassword(
	db: Database,
	input: {
		userId: string;
		/** Null for an account that has never had a password (signs in by emailed link). */
		currentPassword: string | null;
		newPassword: string;
		userAgent: string | null;
		/** Whether this device had given its second factor: the new session keeps that. */
		twoFactorVerified: boolean;
	},
	now = new Date()
): Promise<ChangePasswordResult> {
	const [user] = await db
		.select({ email: users.email, passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, input.userId));
	if (!user) throw new Error('The user does not exist.');

	if (user.passwordHash) {
		const key = `password-change:user:${input.userId}`;
		const attempt = await consume(db, { key, ...CURRENT_PASSWORD_LIMIT }, now);
		if (!attempt.allowed) {
			const minutes = minutesToWait(attempt.retryAfterMs);
			return {
				ok: false,
				errors: {
					currentPassword: `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`
				}
			};
		}
		const right =
			input.currentPassword !== null &&
			(await verifyPassword(user.passwordHash, input.currentPassword));
		if (!right) {
			return { ok: false, errors: { currentPassword: 'Your current password is not right' } };
		}
		await clear(db, key);
	}

	const problem = passwordProblem(input.newPassword, user.email);
	if (problem) return { ok: false, errors: { newPassword: problem } };

	const passwordHash = await hashPassword(input.newPassword);
	const token = generateSessionToken();
	const session = await db.transaction(async (tx) => {
		await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId));
		await invalidateAllSessions(tx, input.userId);
		await revokeAllToolTokens(tx, input.userId, 'password-changed');
		const created = await createSession(tx, token, input.userId, input.userAgent, now);
		if (input.twoFactorVerified) await markSessionTwoFactorVerified(tx, created.id);
		await recordAuditEvent(tx, {
			actorId: input.userId,
			action: 'user.passwordChanged',
			subjectType: 'user',
			subjectId: input.userId
		});
		return { ...created, twoFactorVerified: input.twoFactorVerified };
	});
	return { ok: true, token, session };
}
