import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';
import { invalidateOtherSessions } from '../../auth/session.ts';
import { describeUserAgent } from '../../auth/userAgent.ts';

/** The user's sessions, as the "signed-in devices" page shows them. */
export interface SignedInDevice {
	/** The session id (a SHA-256 of its token: it cannot be turned back into the token). */
	id: string;
	description: string;
	signedInAt: Date;
	lastSeenAt: Date;
	current: boolean;
	/** The password was given there but not yet the two-factor code. */
	awaitingTwoFactor: boolean;
}

/** This device first, then the most recently used. */
export async function listSignedInDevices(
	db: Database,
	userId: string,
	currentSessionId: string,
	now = new Date()
): Promise<SignedInDevice[]> {
	const rows = await db
		.select({
			id: sessions.id,
			userAgent: sessions.userAgent,
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt,
			expiresAt: sessions.expiresAt,
			twoFactorVerified: sessions.twoFactorVerified,
			totpKey: users.totpKey
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.userId, userId))
		.orderBy(desc(sessions.lastSeenAt));
	return rows
		.filter((row) => row.expiresAt.getTime() > now.getTime())
		.map((row) => ({
			id: row.id,
			description: describeUserAgent(row.userAgent),
			signedInAt: row.createdAt,
			lastSeenAt: row.lastSeenAt,
			current: row.id === currentSessionId,
			awaitingTwoFactor: row.totpKey !== null && !row.twoFactorVerified
		}))
		.sort((a, b) => Number(b.current) - Number(a.current));
}

/** Signs one of the user's own devices out. False when it is not theirs or already gone. */
export async function signOutDevice(
	db: Database,
	userId: string,
	sessionId: string
): Promise<boolean> {
	const deleted = await db
		.delete(sessions)
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
		.returning({ id: sessions.id });
	return deleted.length === 1;
}

export async function signOutOtherDevices(
	db: Database,
	userId: string,
	currentSessionId: string
): Promise<void> {
	await invalidateOtherSessions(db, userId, currentSessionId);
}
