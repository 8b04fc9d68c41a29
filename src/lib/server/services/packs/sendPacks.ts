import { and, eq, gt, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import { knownAs } from '../../../shared/domain/childNames.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';
import { PACK_RULE_KEY, packLookAheadDays, packSendDate } from '../../../shared/domain/packs.ts';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import type { Database } from '../../db/client.ts';
import {
	children,
	deadlineCompletions,
	meetingInvitees,
	meetingPacks,
	meetings,
	packReaders,
	teamMembers,
	users
} from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { DigestDependencies, DigestRun } from '../reminders/dailyDigest.ts';
import { adviceStatus } from './owingAdvice.ts';
import { packEmail } from './packEmail.ts';

/**
 * Sends pre-meeting packs, on every check of the reminder scheduler (scheduler.ts):
 *
 * 1. Each upcoming meeting whose pack date (the advice_circulated deadline) has come is
 *    claimed once in meeting_packs, by a unique insert, and its deadline marked done.
 * 2. Each reader of a claimed, still upcoming meeting who has not been emailed yet gets the
 *    pack: the invitees, and anyone who joined the child's team after it was first sent
 *    (latecomers get the pack as it is now). Each email is claimed in pack_readers before
 *    it goes, so a restart or a second server never sends it twice; a failed email gives
 *    its claim back and the next check tries again.
 *
 * The email carries a link, not the pack: the pack page is built for each reader, with
 * restricted notes only for those allowed to read them.
 */

interface DueMeeting {
	id: string;
	childId: string;
	type: MeetingType;
	startsAt: Date;
	childName: string;
	packClaimedAt: Date | null;
}

async function upcomingMeetings(db: Database, now: Date): Promise<DueMeeting[]> {
	const horizon = new Date(now.getTime() + packLookAheadDays() * 86_400_000);
	const rows = await db
		.select({
			id: meetings.id,
			childId: meetings.childId,
			type: meetings.type,
			startsAt: meetings.startsAt,
			firstName: children.firstName,
			preferredName: children.preferredName,
			packClaimedAt: meetingPacks.claimedAt
		})
		.from(meetings)
		.innerJoin(children, eq(children.id, meetings.childId))
		.leftJoin(meetingPacks, eq(meetingPacks.meetingId, meetings.id))
		.where(
			and(
				isNull(meetings.deletedAt),
				isNull(children.deletedAt),
				ne(meetings.status, 'closed'),
				gt(meetings.startsAt, now),
				lte(meetings.startsAt, horizon)
			)
		);
	return rows.map(({ firstName, preferredName, ...row }) => ({
		...row,
		childName: knownAs({ firstName, preferredName })
	}));
}

/** Claims the meeting's pack; true if this call claimed it (so it is new). */
async function claimPack(db: Database, meeting: DueMeeting, dueDate: string, now: Date) {
	return db.transaction(async (tx) => {
		const [claimed] = await tx
			.insert(meetingPacks)
			.values({ meetingId: meeting.id, dueDate, claimedAt: now })
			.onConflictDoNothing()
			.returning({ meetingId: meetingPacks.meetingId });
		if (!claimed) return false;
		// Sending the pack is circulating the advice: the statutory deadline is met.
		await tx
			.insert(deadlineCompletions)
			.values({ meetingId: meeting.id, ruleKey: PACK_RULE_KEY, completedAt: now })
			.onConflictDoNothing();
		await recordAuditEvent(tx, {
			actorId: null,
			action: 'meeting.packSent',
			subjectType: 'meeting',
			subjectId: meeting.id,
			childId: meeting.childId,
			details: { dueDate }
		});
		return true;
	});
}

/**
 * Readers not emailed yet: invitees still in the team, and team members who joined after
 * the pack was claimed.
 */
async function unsentReaders(db: Database, meeting: DueMeeting, claimedAt: Date) {
	return db
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			joinedAt: teamMembers.createdAt
		})
		.from(teamMembers)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.leftJoin(
			meetingInvitees,
			and(eq(meetingInvitees.meetingId, meeting.id), eq(meetingInvitees.userId, teamMembers.userId))
		)
		.leftJoin(
			packReaders,
			and(eq(packReaders.meetingId, meeting.id), eq(packReaders.userId, teamMembers.userId))
		)
		.where(
			and(
				eq(teamMembers.childId, meeting.childId),
				or(isNotNull(meetingInvitees.userId), gt(teamMembers.createdAt, claimedAt)),
				isNull(packReaders.emailedAt)
			)
		);
}

/** Claims one reader's email: a new row, or one made when they opened the pack unasked. */
async function claimEmail(db: Database, meetingId: string, userId: string, now: Date) {
	const [row] = await db
		.insert(packReaders)
		.values({ meetingId, userId, emailedAt: now })
		.onConflictDoUpdate({
			target: [packReaders.meetingId, packReaders.userId],
			set: { emailedAt: now },
			setWhere: isNull(packReaders.emailedAt)
		})
		.returning({ userId: packReaders.userId });
	return row !== undefined;
}

async function emailReaders(
	deps: DigestDependencies,
	meeting: DueMeeting,
	claimedAt: Date,
	now: Date,
	run: DigestRun
): Promise<void> {
	const { db } = deps;
	const readers = await unsentReaders(db, meeting, claimedAt);
	if (readers.length === 0) return;
	const { owing } = await adviceStatus(db, meeting);
	const owes = new Set(owing.map((invitee) => invitee.userId));
	for (const reader of readers) {
		if (!(await claimEmail(db, meeting.id, reader.id, now))) {
			run.alreadySent += 1;
			continue;
		}
		const mail = packEmail({
			recipientName: reader.name,
			childName: meeting.childName,
			meetingType: meeting.type,
			startsAt: meeting.startsAt,
			packLink: new URL(`/meetings/${meeting.id}/pack`, deps.origin).toString(),
			adviceLink: owes.has(reader.id)
				? new URL(`/children/${meeting.childId}/advice/new`, deps.origin).toString()
				: null,
			joinedLate: reader.joinedAt > claimedAt
		});
		try {
			await deps.mailer.send({ to: reader.email, ...mail });
			run.sent += 1;
		} catch (error) {
			await db
				.update(packReaders)
				.set({ emailedAt: null })
				.where(and(eq(packReaders.meetingId, meeting.id), eq(packReaders.userId, reader.id)));
			deps.logger.error({ err: error, meetingId: meeting.id }, 'pack email failed; will retry');
			run.failed += 1;
		}
	}
}

export async function sendDuePacks(deps: DigestDependencies, now: Date): Promise<DigestRun> {
	const run: DigestRun = { sent: 0, alreadySent: 0, failed: 0 };
	const today = ukDateOf(now);
	for (const meeting of await upcomingMeetings(deps.db, now)) {
		let claimedAt = meeting.packClaimedAt;
		let firstRound = false;
		if (claimedAt === null) {
			const dueDate = packSendDate(meeting.type, meeting.startsAt);
			if (dueDate === null || dueDate > today) continue;
			firstRound = await claimPack(deps.db, meeting, dueDate, now);
			if (!firstRound) continue; // another server claimed it a moment ago, and sends it
			claimedAt = now;
		}
		await emailReaders(deps, meeting, claimedAt, now, run);
		if (firstRound) {
			await deps.db
				.update(meetingPacks)
				.set({ sentAt: now })
				.where(eq(meetingPacks.meetingId, meeting.id));
		}
	}
	return run;
}
