import { and, eq, isNull } from 'drizzle-orm';
import { knownAs } from '../../../shared/domain/childNames.ts';
import type { Database } from '../../db/client.ts';
import { meetingInvitees, meetings, users } from '../../db/schema.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { MeetingRecord } from './findMeeting.ts';
import { meetingCancelledEmail } from './invitationEmail.ts';
import { meetingUrl } from './meetingCalendar.ts';

export interface DeleteMeetingContext {
	db: Database;
	live: LiveDocuments;
	mailer: Mailer;
	logger: Logger;
	origin: string;
	actor: { id: string; name: string };
	now?: Date;
}

/** Invitees are told a meeting is off only while it is still to come. */
export function sendsCancellations(
	meeting: Pick<MeetingRecord, 'status' | 'startsAt'>,
	now: Date
): boolean {
	return meeting.status === 'scheduled' && meeting.startsAt > now;
}

/**
 * Soft-deletes a meeting (the caller has checked meeting.delete and asked for
 * confirmation): it disappears from every list but stays in the database, and the audit
 * trail records who removed it. Invitees of a meeting still to come are told it is off.
 */
export async function deleteMeeting(
	context: DeleteMeetingContext,
	meeting: MeetingRecord
): Promise<{ cancellationsSent: number }> {
	const { db, actor } = context;
	const now = context.now ?? new Date();
	const deleted = await db.transaction(async (tx) => {
		const rows = await tx
			.update(meetings)
			.set({ deletedAt: now })
			.where(and(eq(meetings.id, meeting.id), isNull(meetings.deletedAt)))
			.returning({ id: meetings.id });
		if (rows.length === 0) return false;
		await recordAuditEvent(tx, {
			actorId: actor.id,
			action: 'meeting.deleted',
			subjectType: 'meeting',
			subjectId: meeting.id,
			details: {
				childId: meeting.childId,
				type: meeting.type,
				startsAt: meeting.startsAt.toISOString(),
				status: meeting.status
			}
		});
		return true;
	});
	// Anyone still in the deleted meeting's live document is disconnected.
	if (deleted) await context.live.meetingAccessChanged(meeting.id);
	const stillToCome = sendsCancellations(meeting, now);
	if (!deleted || !stillToCome) return { cancellationsSent: 0 };
	return { cancellationsSent: await sendCancellations(context, meeting) };
}

async function sendCancellations(
	context: DeleteMeetingContext,
	meeting: MeetingRecord
): Promise<number> {
	const { db, mailer, logger, origin, actor } = context;
	const recipients = await db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(meetingInvitees)
		.innerJoin(users, eq(users.id, meetingInvitees.userId))
		.where(eq(meetingInvitees.meetingId, meeting.id));
	const details = {
		...meeting,
		childName: knownAs(meeting.child),
		url: meetingUrl(origin, meeting.id)
	};
	let sent = 0;
	for (const recipient of recipients) {
		try {
			await mailer.send({
				to: recipient.email,
				...meetingCancelledEmail(details, {
					recipientName: recipient.name,
					senderName: actor.name
				})
			});
			sent += 1;
		} catch (error) {
			logger.error(
				{ err: error, meetingId: meeting.id, userId: recipient.id },
				'cancellation not sent'
			);
		}
	}
	return sent;
}
