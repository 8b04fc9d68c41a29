import { AGENDA_TEMPLATES } from '../../shared/domain/meetingAgendas.ts';
import { computeTimeline } from '../../shared/domain/timeline.ts';
import { previousWeekday, shiftDate, ukDateOf, ukInstant } from '../../shared/domain/ukCalendar.ts';
import type { Database } from '../db/client.ts';
import { deadlineCompletions, meetingInvitees, meetings } from '../db/schema.ts';
import { demoDateOfBirth, type DemoMeeting, type DemoMinutes, type DemoStory } from './story.ts';

/**
 * Inserts each story's meetings with their invitees' replies and the deadlines already
 * done, and hands back what each held meeting recorded for seedMinutes.ts to write.
 */

const DAY_MS = 24 * 60 * 60_000;

const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/**
 * Each deadline recorded as done on the working day before it fell due (or now, if that is
 * still to come). "all" leaves out the "next review" rules: later meetings meet those.
 * It includes the deadlines the LA's decision brings, and "consider an earlier review"
 * for an under-5, considered at the time.
 */
function completionsFor(demo: DemoMeeting, startsAt: Date, now: Date, dateOfBirth: string) {
	// The LA's decision (seeded with the minutes) brings deadlines of its own, such as the
	// family's 15 days to comment: "all" includes them.
	const decision = demo.minutes?.laDecision;
	const deadlines = computeTimeline({
		type: demo.type,
		startsAt,
		transfer: demo.transfer ?? null,
		childDateOfBirth: dateOfBirth,
		completions: [],
		laterMeetings: [],
		laDecision: decision
			? {
					decision: decision.decision,
					decidedOn: shiftDate(ukDateOf(startsAt), { days: decision.inDays }),
					recordedByName: null
				}
			: null,
		now
	});
	const keys =
		demo.done === 'all'
			? deadlines
					// An under-5's earlier review was considered at the time.
					.filter((d) => !d.rule.metByLaterMeeting || d.rule.onlyUnderFive)
					.map((d) => d.rule.key)
			: demo.done;
	return keys.map((ruleKey) => {
		const dueDate = deadlines.find((d) => d.rule.key === ruleKey)?.dueDate ?? ukDateOf(now);
		const dayBefore = ukInstant(previousWeekday(shiftDate(dueDate, { days: -1 })), '15:00') ?? now;
		return { ruleKey, completedAt: earlier(now, dayBefore) };
	});
}

function lookup(map: Map<string, string>, key: string): string {
	const value = map.get(key);
	if (value === undefined) throw new Error(`Demo meetings refer to unknown key "${key}".`);
	return value;
}

/**
 * Seeds the stories' meetings; pass the transaction that seeds the children and people.
 * Returns the minutes of every held meeting, by the id it was given.
 */
export async function seedDemoMeetings(
	db: Database,
	stories: readonly DemoStory[],
	childIds: Map<string, string>,
	userIds: Map<string, string>,
	now: Date
): Promise<Map<string, DemoMinutes>> {
	const heldMinutes = new Map<string, DemoMinutes>();
	const today = ukDateOf(now);
	for (const story of stories) {
		for (const demo of story.meetings(today)) {
			const startsAt = ukInstant(demo.date, demo.time ?? '10:00');
			if (!startsAt) throw new Error(`Demo meeting time does not exist: ${demo.date}`);
			const durationMinutes = demo.durationMinutes ?? 60;
			const closed = demo.minutes !== null;
			const [meeting] = await db
				.insert(meetings)
				.values({
					childId: lookup(childIds, story.child.firstName),
					type: demo.type,
					transfer: demo.transfer ?? null,
					startsAt,
					durationMinutes,
					location: demo.location,
					onlineLink: demo.onlineLink ?? null,
					chairId: lookup(userIds, demo.chair),
					agenda: AGENDA_TEMPLATES[demo.type].map((title) => ({
						id: crypto.randomUUID(),
						title
					})),
					status: closed ? 'closed' : 'scheduled',
					closedAt: closed ? new Date(startsAt.getTime() + durationMinutes * 60_000) : null,
					createdBy: lookup(userIds, demo.chair)
				})
				.returning({ id: meetings.id });
			if (!meeting) throw new Error('Demo meeting not created.');
			if (demo.minutes) heldMinutes.set(meeting.id, demo.minutes);
			// Replies came in over the week after the invitations went out (never in the future).
			const repliedAt = earlier(now, new Date(startsAt.getTime() - 12 * DAY_MS));
			await db.insert(meetingInvitees).values(
				demo.invitees.map((invitee) => ({
					meetingId: meeting.id,
					userId: lookup(userIds, invitee.person),
					rsvp: invitee.rsvp ?? 'pending',
					respondedAt: invitee.rsvp ? repliedAt : null,
					contribution: invitee.contribution ?? null,
					contributionAt: invitee.contribution ? repliedAt : null
				}))
			);
			const completions = completionsFor(demo, startsAt, now, demoDateOfBirth(story.child, now));
			if (completions.length > 0) {
				await db.insert(deadlineCompletions).values(
					completions.map(({ ruleKey, completedAt }) => ({
						meetingId: meeting.id,
						ruleKey,
						completedAt,
						completedBy: lookup(userIds, demo.doneBy)
					}))
				);
			}
		}
	}
	return heldMinutes;
}
