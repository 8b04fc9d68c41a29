import { inArray } from 'drizzle-orm';
import { knownAs } from '../../../shared/domain/childNames.ts';
import { EHCP_REVIEW_TYPES } from '../../../shared/domain/timeline.ts';
import type { Database } from '../../db/client.ts';
import { deadlineCompletions, meetingInvitees, meetings, users } from '../../db/schema.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { listTeam } from '../children/team.ts';
import { meetingInvitationEmail } from './invitationEmail.ts';
import { meetingCalendarFile, meetingUrl } from './meetingCalendar.ts';
import { parseMeetingForm, type MeetingDetails, type MeetingFormResult } from './meetingForm.ts';

export interface ScheduleMeetingContext {
	db: Database;
	mailer: Mailer;
	logger: Logger;
	/** For links in emails. */
	origin: string;
	actor: { id: string; name: string; email: string };
	child: { id: string; firstName: string; preferredName: string | null };
	now?: Date;
}

export type ScheduleMeetingResult =
	| { ok: true; meetingId: string; emailed: number; notEmailed: string[] }
	| Extract<MeetingFormResult, { ok: false }>;

/**
 * Schedules a meeting from the submitted form: the meeting and its invitees in one
 * transaction (audited), then an invitation with a calendar file to each invitee. When
 * every invitation has gone out, the "send the invitations" deadline is recorded as done.
 * A failed email does not undo the meeting: the names are returned so the page can say.
 */
export async function scheduleMeeting(
	context: ScheduleMeetingContext,
	formData: FormData
): Promise<ScheduleMeetingResult> {
	const { db, child, actor } = context;
	const now = context.now ?? new Date();
	const childName = knownAs(child);
	const team = await listTeam(db, child.id);
	const form = parseMeetingForm(formData, { team, childName, now });
	if (!form.ok) return form;
	const meetingId = await createMeeting(db, child.id, actor.id, form.data);
	const { emailed, notEmailed } = await sendInvitations(context, meetingId, form.data, now);
	if (notEmailed.length === 0 && EHCP_REVIEW_TYPES.includes(form.data.type)) {
		await db
			.insert(deadlineCompletions)
			.values({ meetingId, ruleKey: 'invitations_sent', completedAt: now, completedBy: actor.id })
			.onConflictDoNothing();
	}
	return { ok: true, meetingId, emailed, notEmailed };
}

export async function createMeeting(
	db: Database,
	childId: string,
	createdBy: string,
	details: MeetingDetails
): Promise<string> {
	return db.transaction(async (tx) => {
		const [meeting] = await tx
			.insert(meetings)
			.values({
				childId,
				type: details.type,
				transfer: details.transfer,
				startsAt: details.startsAt,
				durationMinutes: details.durationMinutes,
				location: details.location,
				onlineLink: details.onlineLink,
				chairId: details.chairId,
				agenda: details.agenda.map((title) => ({ id: crypto.randomUUID(), title })),
				createdBy
			})
			.returning({ id: meetings.id });
		if (!meeting) throw new Error('The meeting was not created.');
		await tx
			.insert(meetingInvitees)
			.values(details.inviteeIds.map((userId) => ({ meetingId: meeting.id, userId })));
		await recordAuditEvent(tx, {
			actorId: createdBy,
			action: 'meeting.created',
			subjectType: 'meeting',
			subjectId: meeting.id,
			details: {
				childId,
				type: details.type,
				startsAt: details.startsAt.toISOString(),
				invitees: details.inviteeIds.length
			}
		});
		return meeting.id;
	});
}

async function sendInvitations(
	context: ScheduleMeetingContext,
	meetingId: string,
	details: MeetingDetails,
	now: Date
): Promise<{ emailed: number; notEmailed: string[] }> {
	const { db, mailer, logger, origin, actor, child } = context;
	const childName = knownAs(child);
	const recipients = await db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(inArray(users.id, details.inviteeIds));
	const meeting = { id: meetingId, ...details };
	const url = meetingUrl(origin, meetingId);
	let emailed = 0;
	const notEmailed: string[] = [];
	for (const recipient of recipients) {
		const content = meetingInvitationEmail(
			{ ...meeting, childName, url },
			{ recipientName: recipient.name, senderName: actor.name }
		);
		try {
			await mailer.send({
				to: recipient.email,
				...content,
				calendar: meetingCalendarFile(meeting, childName, origin, {
					method: 'REQUEST',
					now,
					organiser: { name: actor.name, email: actor.email },
					attendee: { name: recipient.name, email: recipient.email }
				})
			});
			emailed += 1;
		} catch (error) {
			logger.error({ err: error, meetingId, userId: recipient.id }, 'meeting invitation not sent');
			notEmailed.push(recipient.name);
		}
	}
	return { emailed, notEmailed };
}
