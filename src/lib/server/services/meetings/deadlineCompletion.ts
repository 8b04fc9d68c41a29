import { and, eq } from 'drizzle-orm';
import { rulesFor } from '../../../shared/domain/timeline.ts';
import type { Database } from '../../db/client.ts';
import { deadlineCompletions } from '../../db/schema.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';

export type DeadlineChangeResult = { ok: true } | { ok: false; reason: 'unknownRule' };

function applies(type: MeetingType, ruleKey: string): boolean {
	return rulesFor(type).some((rule) => rule.key === ruleKey);
}

/**
 * Records a statutory deadline of a meeting as done, with who and when (the caller has
 * checked meeting.trackDeadlines). Marking it twice keeps the first record.
 */
export async function markDeadlineDone(
	db: Database,
	meeting: { id: string; type: MeetingType },
	ruleKey: string,
	actorId: string,
	now = new Date()
): Promise<DeadlineChangeResult> {
	if (!applies(meeting.type, ruleKey)) return { ok: false, reason: 'unknownRule' };
	await db.transaction(async (tx) => {
		const inserted = await tx
			.insert(deadlineCompletions)
			.values({ meetingId: meeting.id, ruleKey, completedAt: now, completedBy: actorId })
			.onConflictDoNothing()
			.returning({ ruleKey: deadlineCompletions.ruleKey });
		if (inserted.length === 0) return;
		await recordAuditEvent(tx, {
			actorId,
			action: 'meeting.deadlineDone',
			subjectType: 'meeting',
			subjectId: meeting.id,
			details: { ruleKey }
		});
	});
	return { ok: true };
}

/** Undoes "mark as done", for a deadline marked by mistake. */
export async function reopenDeadline(
	db: Database,
	meeting: { id: string; type: MeetingType },
	ruleKey: string,
	actorId: string
): Promise<DeadlineChangeResult> {
	if (!applies(meeting.type, ruleKey)) return { ok: false, reason: 'unknownRule' };
	await db.transaction(async (tx) => {
		const removed = await tx
			.delete(deadlineCompletions)
			.where(
				and(eq(deadlineCompletions.meetingId, meeting.id), eq(deadlineCompletions.ruleKey, ruleKey))
			)
			.returning({ ruleKey: deadlineCompletions.ruleKey });
		if (removed.length === 0) return;
		await recordAuditEvent(tx, {
			actorId,
			action: 'meeting.deadlineReopened',
			subjectType: 'meeting',
			subjectId: meeting.id,
			details: { ruleKey }
		});
	});
	return { ok: true };
}
