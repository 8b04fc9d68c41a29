import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import {
	auditEvents,
	deadlineCompletions,
	devOutbox,
	meetingInvitees,
	meetings
} from '../../db/schema.ts';
import { createSmtpMailer } from '../../mail/mailer.ts';
import { startSmtpTestServer } from '../../mail/testing/smtpTestServer.ts';
import { parseCalendar } from '../../calendar/testing/readCalendar.ts';
import { findMeeting } from './findMeeting.ts';
import { scheduleMeeting } from './scheduleMeeting.ts';
import { formOf } from '../../testing/forms.ts';
import { createMeetingWorld, type MeetingWorld } from './testing/meetingWorld.ts';

let database: TestDatabase;
let world: MeetingWorld;
// Monday 23 November 2026, 09:00 in the UK.
const now = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
	database = await createTestDatabase();
	world = await createMeetingWorld(database.db);
});

afterAll(async () => {
	await database.close();
});

function form(overrides: Record<string, string> = {}, invitees?: string[]) {
	return formOf({
		type: 'ehcp_annual_review',
		'date-day': '14',
		'date-month': '1',
		'date-year': '2027',
		time: '10:00',
		duration: '90',
		location: 'Oakfield Primary School, room 2',
		chairId: world.coordinator.id,
		agenda: 'Welcome\nProgress towards outcomes',
		...overrides,
		invitees: invitees ?? [world.coordinator.id, world.parent.id, world.therapist.id]
	});
}

describe('scheduleMeeting', () => {
	it('creates the meeting, its invitees and an audit entry, and emails each invitee', async () => {
		const { db } = database;
		const result = await scheduleMeeting(world.context({ now }), form());
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result).toMatchObject({ emailed: 3, notEmailed: [] });

		const meeting = await findMeeting(db, result.meetingId);
		expect(meeting).toMatchObject({
			childId: world.child.id,
			type: 'ehcp_annual_review',
			startsAt: new Date('2027-01-14T10:00:00Z'),
			durationMinutes: 90,
			chairId: world.coordinator.id,
			chairName: 'Priya Shah',
			status: 'scheduled'
		});
		expect(meeting?.agenda.map((item) => item.title)).toEqual([
			'Welcome',
			'Progress towards outcomes'
		]);

		const invitees = await db
			.select({ userId: meetingInvitees.userId, rsvp: meetingInvitees.rsvp })
			.from(meetingInvitees)
			.where(eq(meetingInvitees.meetingId, result.meetingId));
		expect(invitees.map((i) => i.userId).sort()).toEqual(
			[world.coordinator.id, world.parent.id, world.therapist.id].sort()
		);
		expect(invitees.every((i) => i.rsvp === 'pending')).toBe(true);

		const [audit] = await db
			.select()
			.from(auditEvents)
			.where(
				and(eq(auditEvents.action, 'meeting.created'), eq(auditEvents.subjectId, result.meetingId))
			);
		expect(audit?.actorId).toBe(world.coordinator.id);

		// One invitation to each invitee, each with its own calendar entry.
		const invited = [world.coordinator, world.parent, world.therapist];
		const sent = await db
			.select({ to: devOutbox.to, calendar: devOutbox.calendar })
			.from(devOutbox)
			.where(
				inArray(
					devOutbox.to,
					invited.map((person) => person.email)
				)
			);
		expect(sent.map((mail) => mail.to).sort()).toEqual(invited.map((p) => p.email).sort());
		for (const mail of sent) {
			expect(parseCalendar(mail.calendar ?? '').get('ATTENDEE')?.value).toBe(`MAILTO:${mail.to}`);
		}

		const [mail] = await db.select().from(devOutbox).where(eq(devOutbox.to, world.parent.email));
		expect(mail?.subject).toBe("Invitation: Aaron's annual review, Thursday 14 January 2027");
		expect(mail?.text).toContain('Hello Sarah Jones,');
		expect(mail?.text).toContain('Priya Shah has invited you to Aaron');
		expect(mail?.text).toContain('When: Thursday 14 January 2027, 10:00 to 11:30 (UK time)');
		expect(mail?.text).toContain(`https://coplan.example.org/meetings/${result.meetingId}`);
		// Read unfolded, so a folded line cannot hide a name or split an address.
		const calendarText = (mail?.calendar ?? '').replace(/\r\n /g, '');
		// The child's first name only: never the surname.
		expect(`${mail?.subject} ${mail?.text} ${calendarText}`).not.toContain('Thompson');
		expect(calendarText).toContain('BEGIN:VCALENDAR');
		expect(calendarText).toContain('METHOD:REQUEST');
		expect(calendarText).toContain('DTSTART:20270114T100000Z');
		// ical-generator writes the attendee's scheme as MAILTO:, the same URI (RFC 3986 §3.1).
		expect(parseCalendar(mail?.calendar ?? '').get('ATTENDEE')?.value).toBe(
			`MAILTO:${world.parent.email}`
		);

		const completions = await db
			.select({ ruleKey: deadlineCompletions.ruleKey })
			.from(deadlineCompletions)
			.where(eq(deadlineCompletions.meetingId, result.meetingId));
		expect(completions).toEqual([{ ruleKey: 'invitations_sent' }]);
	});

	it('refuses a chair from outside the team, and creates nothing', async () => {
		const { db } = database;
		const before = await db.select({ id: meetings.id }).from(meetings);
		const result = await scheduleMeeting(
			world.context({ now }),
			form({ chairId: world.outsider.id }, [world.parent.id])
		);
		expect(result).toMatchObject({
			ok: false,
			errors: { chairId: 'The chair must be in Aaron’s team' },
			values: { chairId: world.outsider.id, time: '10:00' },
			invitees: [world.parent.id]
		});
		expect(await db.select({ id: meetings.id }).from(meetings)).toHaveLength(before.length);
	});

	it.each([
		['a meeting in the past', { 'date-year': '2025' }, 'date'],
		['a date that does not exist', { 'date-day': '31', 'date-month': '4' }, 'date'],
		['a plain http link', { onlineLink: 'http://example.org' }, 'onlineLink']
	])('refuses %s', async (_, overrides, field) => {
		const result = await scheduleMeeting(world.context({ now }), form(overrides));
		expect(result.ok).toBe(false);
		expect(!result.ok && Object.keys(result.errors)).toEqual([field]);
	});

	it('refuses to invite someone outside the team', async () => {
		const result = await scheduleMeeting(
			world.context({ now }),
			form({}, [world.parent.id, world.outsider.id])
		);
		expect(!result.ok && result.errors.invitees).toBe('Everyone invited must be in Aaron’s team');
	});

	it('keeps the meeting when an email fails, and leaves the invitations deadline open', async () => {
		const smtp = await startSmtpTestServer({ refuseRecipients: [world.therapist.email] });
		try {
			const result = await scheduleMeeting(
				world.context({ now, mailer: createSmtpMailer(smtp.url) }),
				form({ type: 'ehcp_interim_review' })
			);
			if (!result.ok) throw new Error(JSON.stringify(result.errors));
			expect(result).toMatchObject({ emailed: 2, notEmailed: ['Sam Okafor'] });
			expect(await findMeeting(database.db, result.meetingId)).not.toBeNull();
			const delivered = smtp.received.flatMap((mail) => mail.to);
			expect(delivered.sort()).toEqual([world.coordinator.email, world.parent.email].sort());
			expect(smtp.received[0]?.data).toContain('text/calendar');
			const completions = await database.db
				.select()
				.from(deadlineCompletions)
				.where(eq(deadlineCompletions.meetingId, result.meetingId));
			expect(completions).toEqual([]);
		} finally {
			await smtp.stop();
		}
	});

	it('records no invitations deadline for a meeting without one', async () => {
		const result = await scheduleMeeting(world.context({ now }), form({ type: 'taf_review' }));
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const completions = await database.db
			.select()
			.from(deadlineCompletions)
			.where(eq(deadlineCompletions.meetingId, result.meetingId));
		expect(completions).toEqual([]);
	});
});
