import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, devOutbox, meetings } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { deleteMeeting, sendsCancellations } from './deleteMeeting.ts';
import { findMeeting } from './findMeeting.ts';
import { listMeetingsForChild } from './listMeetingsForChild.ts';
import { createMeeting } from './scheduleMeeting.ts';
import { createMeetingWorld, type MeetingWorld } from './testing/meetingWorld.ts';
import { storedDocuments } from '../../collab/liveDocuments.ts';

let database: TestDatabase;
let world: MeetingWorld;
const now = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
	database = await createTestDatabase();
	world = await createMeetingWorld(database.db);
});

afterAll(async () => {
	await database.close();
});

function schedule(startsAt: string) {
	return createMeeting(database.db, world.child.id, world.coordinator.id, {
		type: 'ehcp_annual_review',
		transfer: null,
		startsAt: new Date(startsAt),
		durationMinutes: 60,
		location: 'Oakfield Primary School',
		onlineLink: null,
		chairId: world.coordinator.id,
		inviteeIds: [world.coordinator.id, world.parent.id],
		agenda: ['Welcome']
	});
}

function context() {
	const { mailer, logger } = world.context();
	return {
		db: database.db,
		live: storedDocuments(database.db),
		mailer,
		logger,
		origin: 'https://coplan.example.org',
		actor: world.coordinator,
		now
	};
}

describe('deleteMeeting', () => {
	it('soft-deletes, audits and tells the invitees of a meeting still to come', async () => {
		const { db } = database;
		const meetingId = await schedule('2027-01-14T10:00:00Z');
		const meeting = await findMeeting(db, meetingId);
		if (!meeting) throw new Error('no meeting');
		expect(await deleteMeeting(context(), meeting)).toEqual({ cancellationsSent: 2 });

		expect(await findMeeting(db, meetingId)).toBeNull();
		const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
		expect(row?.deletedAt).toEqual(now);
		const lists = await listMeetingsForChild(db, world.child.id, now);
		expect(
			[...lists.upcoming, ...lists.inProgress, ...lists.closed].map((m) => m.id)
		).not.toContain(meetingId);
		const [audit] = await db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'meeting.deleted'), eq(auditEvents.subjectId, meetingId)));
		expect(audit).toMatchObject({
			actorId: world.coordinator.id,
			details: { childId: world.child.id, type: 'ehcp_annual_review', status: 'scheduled' }
		});
		const [mail] = await db.select().from(devOutbox).where(eq(devOutbox.to, world.parent.email));
		expect(mail?.subject).toBe("Cancelled: Aaron's annual review, Thursday 14 January 2027");
		expect(mail?.calendar).toBeNull();
	});

	it('sends no cancellations for a meeting already held, and deletes only once', async () => {
		const { db } = database;
		const meetingId = await schedule('2026-10-14T09:00:00Z');
		const meeting = await findMeeting(db, meetingId);
		if (!meeting) throw new Error('no meeting');
		expect(await deleteMeeting(context(), meeting)).toEqual({ cancellationsSent: 0 });
		expect(await deleteMeeting(context(), meeting)).toEqual({ cancellationsSent: 0 });
		const audits = await db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'meeting.deleted'), eq(auditEvents.subjectId, meetingId)));
		expect(audits).toHaveLength(1);
	});

	it('treats ids that are not UUIDs as not found', async () => {
		expect(await findMeeting(database.db, 'not-a-uuid')).toBeNull();
	});
});

describe('sendsCancellations', () => {
	it('tells the invitees only of a scheduled meeting still to come', () => {
		const later = new Date('2026-11-23T09:01:00Z');
		expect(sendsCancellations({ status: 'scheduled', startsAt: later }, now)).toBe(true);
		expect(sendsCancellations({ status: 'scheduled', startsAt: now }, now)).toBe(false);
		expect(sendsCancellations({ status: 'in_progress', startsAt: later }, now)).toBe(false);
		expect(sendsCancellations({ status: 'closed', startsAt: later }, now)).toBe(false);
	});
});
