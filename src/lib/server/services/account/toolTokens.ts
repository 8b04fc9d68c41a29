import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { children, meetings, toolTokens } from '../../db/schema.ts';
import {
	generateToolTokenSecret,
	toolTokenExpiry,
	toolTokenHash,
	TOOL_TOKEN_MAX_DAYS
} from '../../auth/toolTokens.ts';
import { loadMeetingForAccess, meetingResource } from '../../collab/documentAccess.ts';
import { can, loadActor } from '../../policy.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';

/**
 * Tool tokens, as their owner manages them on the account page: made for one meeting they
 * may open, listed, revoked. Making and revoking one is audited; so is every connection
 * opened with one (recordToolTokenUse).
 */

export interface MeetingChoice {
	id: string;
	childName: string;
	meetingType: string;
	startsAt: Date;
}

export interface ToolTokenSummary {
	id: string;
	label: string;
	readOnly: boolean;
	/** Null when the person may no longer open the meeting: its details are not theirs to see. */
	meeting: MeetingChoice | null;
	createdAt: Date;
	expiresAt: Date;
	lastUsedAt: Date | null;
	expired: boolean;
}

/** Meetings someone may make a token for: those they may open, newest first. */
export async function toolTokenMeetingChoices(
	db: Database,
	userId: string
): Promise<MeetingChoice[]> {
	const actor = await loadActor(db, userId);
	// Only the children someone could see at all (their teams, their organisations'), so a
	// council's whole caseload is never read to list one person's choices.
	const childIds = actor.teams.map((team) => team.childId);
	const organisationIds = actor.memberships.map((membership) => membership.organisationId);
	if (childIds.length === 0 && organisationIds.length === 0) return [];
	const rows = await db
		.select({
			id: meetings.id,
			childId: meetings.childId,
			organisationId: children.organisationId,
			status: meetings.status,
			chairId: meetings.chairId,
			firstName: children.firstName,
			preferredName: children.preferredName,
			meetingType: meetings.type,
			startsAt: meetings.startsAt
		})
		.from(meetings)
		.innerJoin(children, eq(children.id, meetings.childId))
		.where(
			and(
				isNull(meetings.deletedAt),
				isNull(children.deletedAt),
				or(
					childIds.length > 0 ? inArray(children.id, childIds) : undefined,
					organisationIds.length > 0 ? inArray(children.organisationId, organisationIds) : undefined
				)
			)
		)
		.orderBy(desc(meetings.startsAt));
	return rows
		.filter((row) => can(actor, 'meeting.view', meetingResource(row)))
		.map((row) => ({
			id: row.id,
			childName: row.preferredName ?? row.firstName,
			meetingType: row.meetingType,
			startsAt: row.startsAt
		}));
}

export interface NewToolToken {
	userId: string;
	meetingId: string;
	label: string;
	readOnly: boolean;
	/** Days until it expires: 1 to TOOL_TOKEN_MAX_DAYS. */
	days: number;
	ip?: string | null;
	now?: Date;
}

export type CreatedToolToken =
	| { ok: true; id: string; secret: string; expiresAt: Date }
	| { ok: false; reason: 'meeting-not-found' };

export async function createToolToken(
	db: Database,
	input: NewToolToken
): Promise<CreatedToolToken> {
	if (!Number.isInteger(input.days) || input.days < 1 || input.days > TOOL_TOKEN_MAX_DAYS) {
		throw new RangeError(`A tool token lasts 1 to ${TOOL_TOKEN_MAX_DAYS} days`);
	}
	const meeting = await loadMeetingForAccess(db, input.meetingId);
	const actor = await loadActor(db, input.userId);
	// A meeting they may not open is answered as one that does not exist.
	if (!meeting || !can(actor, 'meeting.view', meetingResource(meeting))) {
		return { ok: false, reason: 'meeting-not-found' };
	}
	const secret = generateToolTokenSecret();
	const expiresAt = toolTokenExpiry(input.days, input.now);
	const id = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(toolTokens)
			.values({
				tokenHash: toolTokenHash(secret),
				userId: input.userId,
				meetingId: meeting.id,
				readOnly: input.readOnly,
				label: input.label,
				expiresAt,
				...(input.now ? { createdAt: input.now } : {})
			})
			.returning({ id: toolTokens.id });
		if (!row) throw new Error('The tool token was not created.');
		await recordAuditEvent(tx, {
			actorId: input.userId,
			action: 'toolToken.created',
			subjectType: 'meeting',
			subjectId: meeting.id,
			childId: meeting.childId,
			organisationId: meeting.organisationId,
			ip: input.ip ?? null,
			details: {
				tokenId: row.id,
				label: input.label,
				readOnly: input.readOnly,
				expiresAt: expiresAt.toISOString()
			}
		});
		return row.id;
	});
	return { ok: true, id, secret, expiresAt };
}

/** The person's tokens that are not revoked (expired ones too, marked), newest first. */
export async function listToolTokens(
	db: Database,
	userId: string,
	now = new Date()
): Promise<ToolTokenSummary[]> {
	const actor = await loadActor(db, userId);
	const rows = await db
		.select({
			id: toolTokens.id,
			label: toolTokens.label,
			readOnly: toolTokens.readOnly,
			createdAt: toolTokens.createdAt,
			expiresAt: toolTokens.expiresAt,
			lastUsedAt: toolTokens.lastUsedAt,
			meetingId: meetings.id,
			meetingDeletedAt: meetings.deletedAt,
			childId: meetings.childId,
			childDeletedAt: children.deletedAt,
			organisationId: children.organisationId,
			status: meetings.status,
			chairId: meetings.chairId,
			firstName: children.firstName,
			preferredName: children.preferredName,
			meetingType: meetings.type,
			startsAt: meetings.startsAt
		})
		.from(toolTokens)
		.innerJoin(meetings, eq(meetings.id, toolTokens.meetingId))
		.innerJoin(children, eq(children.id, meetings.childId))
		.where(and(eq(toolTokens.userId, userId), isNull(toolTokens.revokedAt)))
		.orderBy(desc(toolTokens.createdAt));
	const viewable = (row: (typeof rows)[number]) =>
		row.meetingDeletedAt === null &&
		row.childDeletedAt === null &&
		can(actor, 'meeting.view', meetingResource({ ...row, id: row.meetingId }));
	return rows.map((row) => ({
		id: row.id,
		label: row.label,
		readOnly: row.readOnly,
		meeting: viewable(row)
			? {
					id: row.meetingId,
					childName: row.preferredName ?? row.firstName,
					meetingType: row.meetingType,
					startsAt: row.startsAt
				}
			: null,
		createdAt: row.createdAt,
		expiresAt: row.expiresAt,
		lastUsedAt: row.lastUsedAt,
		expired: row.expiresAt.getTime() <= now.getTime()
	}));
}

/**
 * Revokes one of the person's own tokens. False when it is not theirs or already revoked.
 * The caller then closes its open connections (LiveDocuments.sessionsEnded).
 */
export async function revokeToolToken(
	db: Database,
	userId: string,
	tokenId: string,
	ip: string | null = null
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(toolTokens)
			.set({ revokedAt: new Date() })
			.where(
				and(eq(toolTokens.id, tokenId), eq(toolTokens.userId, userId), isNull(toolTokens.revokedAt))
			)
			.returning({ id: toolTokens.id, meetingId: toolTokens.meetingId, label: toolTokens.label });
		if (!row) return false;
		await recordAuditEvent(tx, {
			actorId: userId,
			action: 'toolToken.revoked',
			subjectType: 'meeting',
			subjectId: row.meetingId,
			ip,
			details: { tokenId: row.id, label: row.label }
		});
		return true;
	});
}

/** A connection opened a document with a token: audited like the token's making. */
export async function recordToolTokenUse(
	db: Database,
	use: {
		userId: string;
		tokenId: string;
		meetingId: string;
		documentName: string;
		ip: string | null;
	}
): Promise<void> {
	await recordAuditEvent(db, {
		actorId: use.userId,
		action: 'toolToken.used',
		subjectType: 'meeting',
		subjectId: use.meetingId,
		ip: use.ip,
		details: { tokenId: use.tokenId, path: `/yws/${use.documentName}` }
	});
}

/**
 * Revokes every token of a person whose password has just been changed or reset: whoever
 * got into the account must not keep a way in. Pass the transaction that changes the
 * password; the caller then closes the open connections (LiveDocuments.sessionsEnded).
 */
export async function revokeAllToolTokens(
	db: Database,
	userId: string,
	reason: 'password-changed' | 'password-reset'
): Promise<number> {
	const revoked = await db
		.update(toolTokens)
		.set({ revokedAt: new Date() })
		.where(and(eq(toolTokens.userId, userId), isNull(toolTokens.revokedAt)))
		.returning({ id: toolTokens.id, meetingId: toolTokens.meetingId, label: toolTokens.label });
	for (const row of revoked) {
		await recordAuditEvent(db, {
			actorId: userId,
			action: 'toolToken.revoked',
			subjectType: 'meeting',
			subjectId: row.meetingId,
			details: { tokenId: row.id, label: row.label, reason }
		});
	}
	return revoked.length;
}
