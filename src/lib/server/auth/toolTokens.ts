import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { toolTokens, users } from '../db/schema.ts';
import type { SessionUser } from './session.ts';

/**
 * The secrets of tool tokens (see db/schema/toolTokens.ts): random, shown once, stored as
 * their SHA-256 as session tokens are. The prefix lets a person, or a secret scanner,
 * recognise one in a script or a log.
 */
export const TOOL_TOKEN_PREFIX = 'coplan_tool_';
const TOOL_TOKEN_SHAPE = /^coplan_tool_[a-z2-7]{32}$/;

const DAY_MS = 24 * 60 * 60 * 1000;
export const TOOL_TOKEN_DEFAULT_DAYS = 30;
export const TOOL_TOKEN_MAX_DAYS = 90;

/** What a connection opened with a tool token may do, on top of its owner's rights. */
export interface ToolTokenGrant {
	id: string;
	meetingId: string;
	readOnly: boolean;
}

export function generateToolTokenSecret(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return `${TOOL_TOKEN_PREFIX}${encodeBase32LowerCaseNoPadding(bytes)}`;
}

export function toolTokenHash(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export function toolTokenExpiry(days: number, now = new Date()): Date {
	return new Date(now.getTime() + days * DAY_MS);
}

/**
 * The owner and limits of a token that is neither revoked nor expired, or null. Marks it
 * used: this is asked once per websocket, when it opens.
 */
export async function authenticateToolToken(
	db: Database,
	secret: string,
	now = new Date()
): Promise<{ user: SessionUser; token: ToolTokenGrant } | null> {
	// Anything not shaped like our secrets is never looked up.
	if (!TOOL_TOKEN_SHAPE.test(secret)) return null;
	const [row] = await db
		.select({
			id: toolTokens.id,
			meetingId: toolTokens.meetingId,
			readOnly: toolTokens.readOnly,
			user: { id: users.id, email: users.email, name: users.name }
		})
		.from(toolTokens)
		.innerJoin(users, eq(users.id, toolTokens.userId))
		.where(
			and(
				eq(toolTokens.tokenHash, toolTokenHash(secret)),
				isNull(toolTokens.revokedAt),
				gt(toolTokens.expiresAt, now)
			)
		);
	if (!row) return null;
	await db.update(toolTokens).set({ lastUsedAt: now }).where(eq(toolTokens.id, row.id));
	return {
		user: row.user,
		token: { id: row.id, meetingId: row.meetingId, readOnly: row.readOnly }
	};
}

/** Of the given token ids, those still neither revoked nor expired (one query). */
export async function liveToolTokenIds(
	db: Database,
	ids: string[],
	now = new Date()
): Promise<Set<string>> {
	const rows = await db
		.select({ id: toolTokens.id })
		.from(toolTokens)
		.where(
			and(inArray(toolTokens.id, ids), isNull(toolTokens.revokedAt), gt(toolTokens.expiresAt, now))
		);
	return new Set(rows.map((row) => row.id));
}

/** A bearer token from an Authorization header ("Bearer <token>"), or null. */
export function bearerToken(header: string | null): string | null {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
	return match?.[1] ?? null;
}
