import { and, eq } from 'drizzle-orm';
import { knownAs } from '../../../shared/domain/childNames.ts';
import { TEAM_ROLE_LABELS } from '../../../shared/domain/labels.ts';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import type { Database } from '../../db/client.ts';
import { packAdviceReminders, packReaders, users } from '../../db/schema.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { MeetingRecord } from '../meetings/findMeeting.ts';
import { adviceStatus } from './owingAdvice.ts';
import { adviceReminderEmail } from './packEmail.ts';

/**
 * What the coordinator sees of a pack: each invitee, whether they have opened it, whether
 * they still owe advice, and whether a reminder went today; and the one-click reminder,
 * at most once per person per UK day (the table's key is the limit), audited.
 */

export interface PackReaderRow {
	userId: string;
	name: string;
	role: string;
	emailedAt: Date | null;
	firstOpenedAt: Date | null;
	openCount: number;
	owesAdvice: boolean;
	remindedToday: boolean;
	lastRemindedAt: Date | null;
}

export async function packReaderRows(
	db: Database,
	meeting: MeetingRecord,
	now: Date
): Promise<PackReaderRow[]> {
	const [status, reads, reminders] = await Promise.all([
		adviceStatus(db, meeting),
		db.select().from(packReaders).where(eq(packReaders.meetingId, meeting.id)),
		db.select().from(packAdviceReminders).where(eq(packAdviceReminders.meetingId, meeting.id))
	]);
	const owing = new Set(status.owing.map((invitee) => invitee.userId));
	const today = ukDateOf(now);
	return status.invitees.map((invitee) => {
		const read = reads.find((row) => row.userId === invitee.userId);
		const theirs = reminders
			.filter((row) => row.userId === invitee.userId)
			.sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime());
		return {
			userId: invitee.userId,
			name: invitee.name,
			role: TEAM_ROLE_LABELS[invitee.teamRole ?? ''] ?? 'No longer in the team',
			emailedAt: read?.emailedAt ?? null,
			firstOpenedAt: read?.firstOpenedAt ?? null,
			openCount: read?.openCount ?? 0,
			owesAdvice: owing.has(invitee.userId),
			remindedToday: theirs.some((row) => row.reminderDate === today),
			lastRemindedAt: theirs[0]?.sentAt ?? null
		};
	});
}

export type ReminderRefusal = 'notOwing' | 'alreadyToday' | 'notSent';

export const REMINDER_REFUSALS: Record<ReminderRefusal, string> = {
	notOwing: 'This person does not owe advice for this meeting, so no reminder was sent.',
	alreadyToday: 'A reminder already went to this person today. You can send another tomorrow.',
	notSent: 'The reminder could not be sent just now. Please try again in a few minutes.'
};

export interface ReminderDependencies {
	db: Database;
	mailer: Mailer;
	logger: Logger;
	origin: string;
}

export async function sendAdviceReminder(
	deps: ReminderDependencies,
	meeting: MeetingRecord,
	sender: { id: string; name: string },
	userId: string,
	now: Date
): Promise<{ ok: true } | { ok: false; reason: ReminderRefusal }> {
	const { db } = deps;
	const { owing } = await adviceStatus(db, meeting);
	const recipient = owing.find((invitee) => invitee.userId === userId);
	if (!recipient) return { ok: false, reason: 'notOwing' };
	const reminderDate = ukDateOf(now);
	const [claimed] = await db
		.insert(packAdviceReminders)
		.values({ meetingId: meeting.id, userId, reminderDate, sentBy: sender.id, sentAt: now })
		.onConflictDoNothing()
		.returning({ userId: packAdviceReminders.userId });
	if (!claimed) return { ok: false, reason: 'alreadyToday' };
	const [person] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
	const release = () =>
		db
			.delete(packAdviceReminders)
			.where(
				and(
					eq(packAdviceReminders.meetingId, meeting.id),
					eq(packAdviceReminders.userId, userId),
					eq(packAdviceReminders.reminderDate, reminderDate)
				)
			);
	if (!person) {
		await release();
		return { ok: false, reason: 'notOwing' };
	}
	const mail = adviceReminderEmail({
		recipientName: recipient.name,
		senderName: sender.name,
		childName: knownAs(meeting.child),
		meetingType: meeting.type,
		startsAt: meeting.startsAt,
		packLink: new URL(`/meetings/${meeting.id}/pack`, deps.origin).toString(),
		adviceLink: new URL(`/children/${meeting.childId}/advice/new`, deps.origin).toString()
	});
	try {
		await deps.mailer.send({ to: person.email, ...mail });
	} catch (error) {
		await release();
		deps.logger.error({ err: error, meetingId: meeting.id }, 'advice reminder not sent');
		return { ok: false, reason: 'notSent' };
	}
	await recordAuditEvent(db, {
		actorId: sender.id,
		action: 'meeting.adviceReminderSent',
		subjectType: 'meeting',
		subjectId: meeting.id,
		childId: meeting.childId,
		details: { to: userId }
	});
	return { ok: true };
}
