import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { memberships, organisations, sessions, users } from '../db/schema.ts';

/**
 * Sessions as the Lucia guide designs them: a random token lives only in the user's
 * cookie; the database keeps its SHA-256, so a leaked database cannot be replayed.
 * Sessions last 30 days and slide forward when fewer than 15 remain.
 */

export const SESSION_COOKIE = 'coplan_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;
/** last_seen_at is refreshed at most this often, so browsing does not write on every request. */
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

export type Session = typeof sessions.$inferSelect;
export interface SessionUser {
	id: string;
	email: string;
	name: string;
}
export type SessionValidation =
	| {
			session: Session;
			user: SessionUser;
			renewed: boolean;
			/**
			 * The password was right but the second factor has not been given yet: the
			 * session must not count as signed in anywhere except the code page and sign-out.
			 */
			twoFactorPending: boolean;
			/** The user has not enrolled in two-factor, but an organisation of theirs requires it. */
			twoFactorSetupRequired: boolean;
	  }
	| {
			session: null;
			user: null;
			renewed: false;
			twoFactorPending: false;
			twoFactorSetupRequired: false;
	  };

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: Database,
	token: string,
	userId: string,
	userAgent: string | null = null,
	now = new Date()
): Promise<Session> {
	const [session] = await db
		.insert(sessions)
		.values({
			id: sessionIdFromToken(token),
			userId,
			userAgent: userAgent?.slice(0, 300) ?? null,
			expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
			lastSeenAt: now,
			createdAt: now
		})
		.returning();
	if (!session) throw new Error('The session was not created.');
	return session;
}

const SIGNED_OUT: SessionValidation = {
	session: null,
	user: null,
	renewed: false,
	twoFactorPending: false,
	twoFactorSetupRequired: false
};

/** Tokens are base32 of 20 bytes: anything else is tampered with and never queried. */
const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

/**
 * The session and its user, as a prepared statement: looked up on every request and every
 * websocket, it then costs the driver one round trip instead of two (describe, then run).
 */
function sessionWithUser(db: Database) {
	return db
		.select({
			session: sessions,
			user: { id: users.id, email: users.email, name: users.name },
			twoFactorEnabled: sql<boolean>`${users.totpKey} is not null`,
			twoFactorRequired: sql<boolean>`exists (
				select 1 from ${memberships}
				inner join ${organisations} on ${organisations.id} = ${memberships.organisationId}
				where ${memberships.userId} = ${users.id} and ${organisations.requireTwoFactor}
			)`
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, sql.placeholder('sessionId')))
		.prepare('session_with_user');
}

export async function validateSessionToken(
	db: Database,
	token: string,
	now = new Date()
): Promise<SessionValidation> {
	if (!TOKEN_SHAPE.test(token)) return SIGNED_OUT;
	const sessionId = sessionIdFromToken(token);
	const [row] = await sessionWithUser(db).execute({ sessionId });
	if (!row) return SIGNED_OUT;
	const { session, user } = row;
	const twoFactorEnabled = Boolean(row.twoFactorEnabled);
	if (now.getTime() >= session.expiresAt.getTime()) {
		await db.delete(sessions).where(eq(sessions.id, sessionId));
		return SIGNED_OUT;
	}
	const renewed = session.expiresAt.getTime() - now.getTime() < SESSION_RENEW_WITHIN_MS;
	const stale = now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
	if (renewed || stale) {
		if (renewed) session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		session.lastSeenAt = now;
		await db
			.update(sessions)
			.set({ expiresAt: session.expiresAt, lastSeenAt: now })
			.where(eq(sessions.id, sessionId));
	}
	return {
		session,
		user,
		renewed,
		twoFactorPending: twoFactorEnabled && !session.twoFactorVerified,
		twoFactorSetupRequired: !twoFactorEnabled && Boolean(row.twoFactorRequired)
	};
}

/** Records that the session's user gave a correct second factor (or just enrolled one). */
export async function markSessionTwoFactorVerified(db: Database, sessionId: string): Promise<void> {
	await db.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId));
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAllSessions(db: Database, userId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Signs the user out everywhere except the session given (their current device). */
export async function invalidateOtherSessions(
	db: Database,
	userId: string,
	keepSessionId: string
): Promise<void> {
	await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
}

/** Reads the session token from a raw Cookie header (the websocket upgrade has no SvelteKit cookies API). */
export function sessionTokenFromCookieHeader(header: string | null | undefined): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const separator = part.indexOf('=');
		if (separator === -1) continue;
		if (part.slice(0, separator).trim() !== SESSION_COOKIE) continue;
		try {
			return decodeURIComponent(part.slice(separator + 1).trim());
		} catch {
			return null;
		}
	}
	return null;
}

/**
 * The function the collaboration server calls on each websocket upgrade. A session still
 * waiting for its second factor is refused here too: it is not signed in.
 */
export async function authenticateCookieHeader(
	db: Database,
	cookieHeader: string | null | undefined,
	now = new Date()
): Promise<SessionValidation> {
	const token = sessionTokenFromCookieHeader(cookieHeader);
	if (token === null) return SIGNED_OUT;
	const result = await validateSessionToken(db, token, now);
	return result.twoFactorPending ? SIGNED_OUT : result;
}
