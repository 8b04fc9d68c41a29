import { eq, inArray, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transferYear } from '../../shared/domain/timeline.ts';
import { ukDateOf } from '../../shared/domain/ukCalendar.ts';
import { timelinesForChildren } from '../services/meetings/timelines.ts';
import { children, meetingInvitees, meetings } from '../db/schema.ts';
import { seedDemo } from './seed.ts';
import { createTestDatabase } from '../db/testing.ts';

/**
 * The demo must show deadlines in every status whatever day it is seeded: try a day in
 * each part of the school year, including a clock-change night, early February and 29 February.
 */
describe.each([
	['2026-11-23T09:00:00Z'],
	['2027-02-03T12:00:00Z'],
	['2027-10-31T00:30:00Z'],
	['2028-02-29T16:00:00Z']
])('the demo seeded at %s', (seededAt) => {
	it('shows every child’s meetings with deadlines in every status', async () => {
		const now = new Date(seededAt);
		const database = await createTestDatabase();
		try {
			const { db } = database;
			await seedDemo(db, now);
			const kids = await db
				.select({ id: children.id, firstName: children.firstName })
				.from(children);
			const idOf = (name: string) => kids.find((k) => k.firstName === name)?.id ?? '';
			const timelines = await timelinesForChildren(
				db,
				kids.map((k) => k.id),
				now
			);
			const of = (name: string) => timelines.filter((m) => m.childId === idOf(name));
			const statuses = new Set(timelines.flatMap((m) => m.deadlines.map((d) => d.status)));
			expect([...statuses].sort()).toEqual(['done', 'due_soon', 'overdue', 'upcoming']);

			for (const name of ['Aaron', 'Jordan', 'Maya', 'Connor']) {
				expect(
					of(name).some((m) => m.status === 'closed' && m.startsAt < now),
					name
				).toBe(true);
				expect(
					of(name).some((m) => m.status === 'scheduled' && m.startsAt > now),
					name
				).toBe(true);
			}

			const deadline = (name: string, type: string, key: string) =>
				of(name)
					.filter((m) => m.type === type)
					.flatMap((m) => m.deadlines)
					.find((d) => d.rule.key === key && d.status !== 'done');
			// Aaron's annual review is about 3 weeks away: invitations due soon.
			const aaronReview = of('Aaron').find((m) => m.startsAt > now);
			const invitations = aaronReview?.deadlines.find((d) => d.rule.key === 'invitations_sent');
			expect(invitations?.status).toBe('due_soon');
			// Reviews a year or more ago, and the LA's decisions after them, are all done: only
			// the latest reviews have anything overdue.
			for (const meeting of timelines.filter(
				(m) => m.startsAt.getTime() < now.getTime() - 200 * 24 * 3600 * 1000
			)) {
				expect(
					meeting.deadlines.filter((d) => d.status !== 'done').map((d) => d.rule.key),
					`${meeting.type} of ${meeting.startsAt.toISOString()}`
				).toEqual([]);
			}
			// Jordan's review 6 weeks ago: the report is overdue.
			expect(deadline('Jordan', 'ehcp_annual_review', 'report_sent')?.status).toBe('overdue');
			// Maya's next TAF review is booked, so last time's "next review" is met.
			const [first, second] = of('Maya');
			expect(first?.deadlines.find((d) => d.rule.key === 'next_taf_review')?.status).toBe('done');
			expect(second?.deadlines.find((d) => d.rule.key === 'next_taf_review')?.status).toBe('done');
			// Connor's phase-transfer review is in the school year of the move, before 15 February.
			const connor = of('Connor').find((m) => m.type === 'phase_transfer_review');
			if (!connor) throw new Error('no phase-transfer review for Connor');
			const reviewDate = ukDateOf(connor.startsAt);
			const amended = connor.deadlines.find((d) => d.rule.key === 'phase_transfer_amended');
			expect(amended?.dueDate).toBe(`${transferYear(reviewDate)}-02-15`);
			expect(reviewDate < (amended?.dueDate ?? '')).toBe(true);
			// One written contribution, on Aaron's coming review; some invitees yet to reply.
			const contributions = await db
				.select({ meetingId: meetingInvitees.meetingId })
				.from(meetingInvitees)
				.where(isNotNull(meetingInvitees.contribution));
			expect(contributions).toHaveLength(1);
			const [withContribution] = await db
				.select({ childId: meetings.childId, startsAt: meetings.startsAt })
				.from(meetings)
				.where(
					inArray(
						meetings.id,
						contributions.map((c) => c.meetingId)
					)
				);
			expect(withContribution?.childId).toBe(idOf('Aaron'));
			const pending = await db
				.select({ rsvp: meetingInvitees.rsvp })
				.from(meetingInvitees)
				.where(eq(meetingInvitees.rsvp, 'pending'));
			expect(pending.length).toBeGreaterThan(0);
		} finally {
			await database.close();
		}
		// Seeding the whole demo (passwords hashed with argon2id) takes 30 s on a busy machine.
	}, 90_000);
});
