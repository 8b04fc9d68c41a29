import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { childVoiceLinks, childVoiceSubmissions, children, meetings } from '../../db/schema.ts';
import { loadMeetingForAccess, meetingResource } from '../../collab/documentAccess.ts';
import { can, loadActor } from '../../policy.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';

/**
 * The links a child uses to give their views before one meeting (db/schema/childVoice.ts).
 * Made, listed and revoked by whoever organises the child's meetings or by the child's
 * parent or carer (policy: meeting.childVoiceLinks); making and revoking are audited.
 */

const SECRET_SHAPE = /^[a-z2-7]{32}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
export const CHILD_VOICE_LINK_DAYS = 14;

export function generateChildVoiceSecret(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function childVoiceSecretHash(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** At the meeting's start or after 14 days, whichever comes first. */
export function childVoiceLinkExpiry(meetingStartsAt: Date, now = new Date()): Date {
	const latest = new Date(now.getTime() + CHILD_VOICE_LINK_DAYS * DAY_MS);
	return meetingStartsAt < latest ? meetingStartsAt : latest;
}

export interface ChildVoiceLinkSummary {
	id: string;
	createdAt: Date;
	expiresAt: Date;
	revokedAt: Date | null;
	lastUsedAt: Date | null;
	submittedAt: Date | null;
}

export type LinkOutcome<T> =
	{ ok: true; value: T } | { ok: false; reason: 'forbidden' | 'started' };

async function allowed(db: Database, userId: string, meetingId: string) {
	const meeting = await loadMeetingForAccess(db, meetingId);
	if (!meeting) return null;
	const actor = await loadActor(db, userId);
	return can(actor, 'meeting.childVoiceLinks', meetingResource(meeting)) ? meeting : null;
}

export async function listChildVoiceLinks(
	db: Database,
	userId: string,
	meetingId: string
): Promise<ChildVoiceLinkSummary[] | null> {
	if (!(await allowed(db, userId, meetingId))) return null;
	return db
		.select({
			id: childVoiceLinks.id,
			createdAt: childVoiceLinks.createdAt,
			expiresAt: childVoiceLinks.expiresAt,
			revokedAt: childVoiceLinks.revokedAt,
			lastUsedAt: childVoiceLinks.lastUsedAt,
			submittedAt: childVoiceSubmissions.submittedAt
		})
		.from(childVoiceLinks)
		.leftJoin(childVoiceSubmissions, eq(childVoiceSubmissions.linkId, childVoiceLinks.id))
		.where(eq(childVoiceLinks.meetingId, meetingId))
		.orderBy(desc(childVoiceLinks.createdAt));
}

/** Makes a link; the secret is returned once and only its hash is kept. */
export async function createChildVoiceLink(
	db: Database,
	userId: string,
	meetingId: string,
	now = new Date()
): Promise<LinkOutcome<{ id: string; secret: string; expiresAt: Date }>> {
	const meeting = await allowed(db, userId, meetingId);
	if (!meeting) return { ok: false, reason: 'forbidden' };
	const [row] = await db
		.select({ startsAt: meetings.startsAt })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	if (!row || row.startsAt <= now) return { ok: false, reason: 'started' };
	const secret = generateChildVoiceSecret();
	const expiresAt = childVoiceLinkExpiry(row.startsAt, now);
	const [link] = await db
		.insert(childVoiceLinks)
		.values({ tokenHash: childVoiceSecretHash(secret), meetingId, createdBy: userId, expiresAt })
		.returning({ id: childVoiceLinks.id });
	if (!link) throw new Error('Inserting a child voice link returned no row');
	await recordAuditEvent(db, {
		actorId: userId,
		action: 'childVoiceLink.created',
		subjectType: 'meeting',
		subjectId: meetingId,
		details: { linkId: link.id, expiresAt: expiresAt.toISOString() }
	});
	return { ok: true, value: { id: link.id, secret, expiresAt } };
}

export async function revokeChildVoiceLink(
	db: Database,
	userId: string,
	meetingId: string,
	linkId: string
): Promise<boolean> {
	if (!(await allowed(db, userId, meetingId))) return false;
	const revoked = await db
		.update(childVoiceLinks)
		.set({ revokedAt: new Date() })
		.where(
			and(
				eq(childVoiceLinks.id, linkId),
				eq(childVoiceLinks.meetingId, meetingId),
				isNull(childVoiceLinks.revokedAt)
			)
		)
		.returning({ id: childVoiceLinks.id });
	if (revoked.length === 0) return false;
	await recordAuditEvent(db, {
		actorId: userId,
		action: 'childVoiceLink.revoked',
		subjectType: 'meeting',
		subjectId: meetingId,
		details: { linkId }
	});
	return true;
}

/** What the child's page may know: nothing about the meeting beyond the child's first name. */
export interface OpenChildVoiceLink {
	linkId: string;
	meetingId: string;
	createdBy: string | null;
	firstName: string;
}

/**
 * The link a secret opens, if it is still good: not revoked, not expired, its meeting
 * neither closed nor deleted. Anything not shaped like our secrets is never looked up.
 */
export async function openChildVoiceLink(
	db: Database,
	secret: string,
	now = new Date()
): Promise<OpenChildVoiceLink | null> {
	if (!SECRET_SHAPE.test(secret)) return null;
	const [row] = await db
		.select({
			linkId: childVoiceLinks.id,
			meetingId: childVoiceLinks.meetingId,
			createdBy: childVoiceLinks.createdBy,
			expiresAt: childVoiceLinks.expiresAt,
			revokedAt: childVoiceLinks.revokedAt,
			status: meetings.status,
			meetingDeletedAt: meetings.deletedAt,
			childDeletedAt: children.deletedAt,
			firstName: children.firstName,
			preferredName: children.preferredName
		})
		.from(childVoiceLinks)
		.innerJoin(meetings, eq(meetings.id, childVoiceLinks.meetingId))
		.innerJoin(children, eq(children.id, meetings.childId))
		.where(eq(childVoiceLinks.tokenHash, childVoiceSecretHash(secret)));
	if (!row || row.revokedAt || row.expiresAt <= now) return null;
	if (row.status === 'closed' || row.meetingDeletedAt || row.childDeletedAt) return null;
	return {
		linkId: row.linkId,
		meetingId: row.meetingId,
		createdBy: row.createdBy,
		firstName: row.preferredName ?? row.firstName
	};
}
