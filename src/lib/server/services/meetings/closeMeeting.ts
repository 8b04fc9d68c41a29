import { eq } from 'drizzle-orm';
import { loadMeetingForAccess, meetingResource } from '../../collab/documentAccess.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import type { Database } from '../../db/client.ts';
import { meetings } from '../../db/schema.ts';
import { can, type Actor } from '../../policy.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { documentEditor, refreshLiveCaseworkOfChild } from './liveCasework.ts';
import { freezeMinutes } from '../minutes/minutesVersions.ts';
import { recordPlanFromReview } from '../plan/planFromReview.ts';

/**
 * The chair closes a meeting: its live document becomes read-only for everyone, enforced
 * by the collaboration server (edits are dropped there, and every connected client is
 * told at once). The chair can reopen it, giving a reason that goes into the audit trail.
 *
 * Both change the database first and then notify the live collaboration server in this
 * process (see collab/liveDocuments.ts), which re-applies the policy to every open
 * connection to the meeting's documents.
 */

export type MeetingStatusChange =
	| { ok: true }
	| { ok: false; problem: 'not_found' | 'forbidden' | 'already_closed' | 'not_closed' };

export async function closeMeeting(
	db: Database,
	live: LiveDocuments,
	actor: Actor,
	meetingId: string,
	now = new Date()
): Promise<MeetingStatusChange> {
	const meeting = await loadMeetingForAccess(db, meetingId);
	if (!meeting) return { ok: false, problem: 'not_found' };
	if (!can(actor, 'meeting.chair', meetingResource(meeting)))
		return { ok: false, problem: 'forbidden' };
	if (meeting.status === 'closed') return { ok: false, problem: 'already_closed' };
	await db.transaction(async (tx) => {
		await tx
			.update(meetings)
			.set({ status: 'closed', closedAt: now })
			.where(eq(meetings.id, meetingId));
		await recordAuditEvent(tx, {
			actorId: actor.id,
			action: 'meeting.closed',
			subjectType: 'meeting',
			subjectId: meetingId,
			details: { childId: meeting.childId, previousStatus: meeting.status }
		});
	});
	await live.meetingAccessChanged(meetingId);
	// Once every connection is read-only the document can no longer change: freeze the
	// minutes as they now stand (services/minutes/minutesVersions.ts).
	await freezeMinutes(db, live, { meetingId, closedBy: actor.id, closedAt: now });
	// What it agreed flows back into the child's plan (proposed, for an EHCP review).
	await recordPlanFromReview(db, live, { meetingId, closedBy: actor.id });
	// The child's later meetings carry forward what this one left open.
	const editor = await documentEditor(db, actor.id);
	if (editor) await refreshLiveCaseworkOfChild(db, live, meeting.childId, editor, meetingId);
	return { ok: true };
}

export const REOPEN_REASON_MAX_LENGTH = 1000;

export type ReopenResult =
	MeetingStatusChange | { ok: false; problem: 'reason_required' | 'reason_too_long' };

export async function reopenMeeting(
	db: Database,
	live: LiveDocuments,
	actor: Actor,
	meetingId: string,
	reason: string
): Promise<ReopenResult> {
	const trimmed = reason.trim();
	if (trimmed === '') return { ok: false, problem: 'reason_required' };
	if (trimmed.length > REOPEN_REASON_MAX_LENGTH) return { ok: false, problem: 'reason_too_long' };
	const meeting = await loadMeetingForAccess(db, meetingId);
	if (!meeting) return { ok: false, problem: 'not_found' };
	if (!can(actor, 'meeting.chair', meetingResource(meeting)))
		return { ok: false, problem: 'forbidden' };
	if (meeting.status !== 'closed') return { ok: false, problem: 'not_closed' };
	await db.transaction(async (tx) => {
		await tx
			.update(meetings)
			.set({ status: 'in_progress', closedAt: null })
			.where(eq(meetings.id, meetingId));
		await recordAuditEvent(tx, {
			actorId: actor.id,
			action: 'meeting.reopened',
			subjectType: 'meeting',
			subjectId: meetingId,
			details: { childId: meeting.childId, reason: trimmed }
		});
	});
	await live.meetingAccessChanged(meetingId);
	return { ok: true };
}
