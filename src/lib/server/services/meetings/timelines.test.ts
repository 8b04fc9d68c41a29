import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, meetings } from '../../db/schema.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { markDeadlineDone, reopenDeadline } from './deadlineCompletion.ts';
import { createMeeting } from './scheduleMeeting.ts';
import { meetingTimeline, timelinesForChildren } from './timelines.ts';
import { createChild } from '../../testing/factories.ts';
import { createMeetingWorld, type MeetingWorld } from './testing/meetingWorld.ts';

let database: TestDatabase;
let world: MeetingWorld;

beforeAll(async () => {
	database = await createTestDatabase();
	world = await createMeetingWorld(database.db);
});

afterAll(async () => {
	await database.close();
});

function schedule(type: MeetingType, startsAt: string, childId = world.child.id) {
	return createMeeting(database.db, childId, world.coordinator.id, {
		type,
		transfer: null,
		startsAt: new Date(startsAt),
		durationMinutes: 60,
		location: 'Oakfield Primary School',
		onlineLink: null,
		chairId: world.coordinator.id,
		inviteeIds: [world.coordinator.id],
		agenda: ['Welcome']
	});
}

const statusOf = async (meetingId: string, key: string, now: Date) =>
	(await meetingTimeline(database.db, { id: meetingId, childId: world.child.id }, now)).find(
		(deadline) => deadline.rule.key === key
	);

describe('statutory timelines from the database', () => {
	it('marks a deadline done with who and when, audited, and can undo it', async () => {
		const { db } = database;
		const meetingId = await schedule('ehcp_annual_review', '2026-10-01T09:00:00Z');
		const meeting = { id: meetingId, type: 'ehcp_annual_review' as const };
		const now = new Date('2026-10-20T12:00:00Z');
		expect((await statusOf(meetingId, 'report_sent', now))?.status).toBe('overdue');

		const doneAt = new Date('2026-10-20T11:00:00Z');
		expect(
			await markDeadlineDone(db, meeting, 'report_sent', world.coordinator.id, doneAt)
		).toEqual({ ok: true });
		// Marking it again keeps the first record.
		await markDeadlineDone(db, meeting, 'report_sent', world.coordinator.id, now);
		const report = await statusOf(meetingId, 'report_sent', now);
		expect(report?.status).toBe('done');
		expect(report?.completion).toEqual({
			ruleKey: 'report_sent',
			completedAt: doneAt,
			completedByName: 'Priya Shah'
		});

		expect(await reopenDeadline(db, meeting, 'report_sent', world.coordinator.id)).toEqual({
			ok: true
		});
		expect((await statusOf(meetingId, 'report_sent', now))?.status).toBe('overdue');

		const audit = await db
			.select({ action: auditEvents.action, details: auditEvents.details })
			.from(auditEvents)
			.where(and(eq(auditEvents.subjectType, 'meeting'), eq(auditEvents.subjectId, meetingId)));
		expect(audit.map((event) => event.action)).toEqual([
			'meeting.created',
			'meeting.deadlineDone',
			'meeting.deadlineReopened'
		]);
		expect(audit[1]?.details).toEqual({ ruleKey: 'report_sent' });
	});

	it('refuses a rule that does not belong to the meeting', async () => {
		const meetingId = await schedule('taf_review', '2026-10-01T09:00:00Z');
		const meeting = { id: meetingId, type: 'taf_review' as const };
		expect(
			await markDeadlineDone(database.db, meeting, 'report_sent', world.coordinator.id)
		).toEqual({ ok: false, reason: 'unknownRule' });
		expect(
			await markDeadlineDone(database.db, meeting, 'no_such_rule', world.coordinator.id)
		).toEqual({ ok: false, reason: 'unknownRule' });
	});

	it('meets a "next review" rule with a later meeting, but not a deleted one', async () => {
		const { db } = database;
		const first = await schedule('taf_review', '2027-01-05T10:00:00Z');
		const now = new Date('2027-03-01T12:00:00Z');
		expect((await statusOf(first, 'next_taf_review', now))?.status).toBe('upcoming');
		const second = await schedule('taf_review', '2027-03-02T10:00:00Z');
		const met = await statusOf(first, 'next_taf_review', now);
		expect(met?.status).toBe('done');
		expect(met?.metBy?.id).toBe(second);
		await db.update(meetings).set({ deletedAt: now }).where(eq(meetings.id, second));
		expect((await statusOf(first, 'next_taf_review', now))?.status).toBe('upcoming');
	});

	it('gives every meeting of several children at once, each with its own rules', async () => {
		const { db } = database;
		const { organisationId } = world;
		// Bella is under five at her review, Callum is not; Dev is not asked for.
		const bella = await createChild(db, organisationId, {
			firstName: 'Bella',
			dateOfBirth: '2023-06-01'
		});
		const callum = await createChild(db, organisationId, {
			firstName: 'Callum',
			dateOfBirth: '2016-06-01'
		});
		const dev = await createChild(db, organisationId, { firstName: 'Dev' });
		const bellaReview = await schedule('ehcp_annual_review', '2027-01-05T10:00:00Z', bella.id);
		const callumReview = await schedule('ehcp_annual_review', '2027-01-06T10:00:00Z', callum.id);
		// Later than both reviews, but Callum's: it must not count as Bella's next review.
		const callumNext = await schedule('ehcp_annual_review', '2027-02-01T10:00:00Z', callum.id);
		await schedule('ehcp_annual_review', '2027-01-07T10:00:00Z', dev.id);

		const now = new Date('2027-03-01T12:00:00Z');
		const all = await timelinesForChildren(db, [bella.id, callum.id], now);
		expect(all.map(({ id, childId }) => ({ id, childId }))).toEqual([
			{ id: bellaReview, childId: bella.id },
			{ id: callumReview, childId: callum.id },
			{ id: callumNext, childId: callum.id }
		]);
		const deadline = (meetingId: string, key: string) =>
			all.find((meeting) => meeting.id === meetingId)?.deadlines.find((d) => d.rule.key === key);
		// Each meeting is judged against its own child's date of birth...
		expect(deadline(bellaReview, 'early_years_review')).toBeDefined();
		expect(deadline(callumReview, 'early_years_review')).toBeUndefined();
		// ...and its own child's later meetings.
		expect(deadline(bellaReview, 'next_ehcp_review')?.status).not.toBe('done');
		expect(deadline(bellaReview, 'next_ehcp_review')?.metBy).toBeNull();
		expect(deadline(callumReview, 'next_ehcp_review')?.status).toBe('done');
		expect(deadline(callumReview, 'next_ehcp_review')?.metBy?.id).toBe(callumNext);

		expect(await timelinesForChildren(db, [])).toEqual([]);
	});
});
