import { AGENDA_TEMPLATES } from '../../shared/domain/meetingAgendas.ts';
import { computeTimeline, type PhaseTransfer } from '../../shared/domain/timeline.ts';
import {
	previousWeekday,
	shiftDate,
	ukDateOf,
	ukInstant,
	type CalendarDate
} from '../../shared/domain/ukCalendar.ts';
import type { Database } from '../db/client.ts';
import { deadlineCompletions, meetingInvitees, meetings } from '../db/schema.ts';
import type { MeetingType } from '../../shared/domain/meetingTypes.ts';
import type { RsvpResponse } from '../../shared/domain/rsvp.ts';

/**
 * Demo meetings for the four demo children (DOMAIN.md), dated relative to the seeding
 * day so that the statutory timelines always show every status:
 * - Aaron: annual review in about 3 weeks, so the invitations and advice are due soon;
 *   last year's review with every deadline done.
 * - Jordan: annual review held 6 weeks ago whose report and LA decision are overdue (the
 *   plan rewrite is late); an interim review booked to chase it.
 * - Maya: Team Around the Family reviews every 6 to 12 weeks, the next one booked.
 * - Connor: phase-transfer review (primary to secondary) in the autumn before 15 February.
 */

interface DemoInvitee {
	person: string;
	rsvp?: RsvpResponse;
	contribution?: string;
}

interface DemoMeeting {
	child: string;
	type: MeetingType;
	date: CalendarDate;
	time?: string;
	durationMinutes?: number;
	location: string;
	onlineLink?: string;
	chair: string;
	transfer?: PhaseTransfer;
	closed: boolean;
	invitees: DemoInvitee[];
	/** Deadlines recorded as done; "all" for every rule of the meeting type. */
	done: string[] | 'all';
	doneBy: string;
}

/** The day `days` from today in the UK, moved back to a Friday if it is a weekend. */
function weekdayFrom(today: CalendarDate, days: number): CalendarDate {
	return previousWeekday(shiftDate(today, { days }));
}

/** Connor's review: in this autumn term if there is still time, otherwise next autumn. */
function phaseTransferDate(today: CalendarDate): CalendarDate {
	const candidate = weekdayFrom(today, 28);
	const [year = 0, month = 1] = candidate.split('-').map(Number);
	const transferYear = month >= 9 ? year + 1 : year;
	if (candidate < `${transferYear}-02-01`) return candidate;
	return previousWeekday(`${year}-10-06`);
}

const everyone = (people: string[], answers: Record<string, RsvpResponse> = {}): DemoInvitee[] =>
	people.map((person) => ({ person, rsvp: answers[person] ?? 'attending' }));

export function demoMeetings(now: Date): DemoMeeting[] {
	const today = ukDateOf(now);
	const connorReview = phaseTransferDate(today);
	const aaronTeam = ['aaronParent', 'senco', 'ta', 'teacher', 'salt', 'caseworker'];
	const jordanTeam = ['jordanParent', 'senco', 'teacher', 'physio', 'ot', 'caseworker'];
	const mayaTeam = ['mayaParent', 'keyperson', 'salt', 'healthvisitor', 'familysupport'];
	const connorTeam = [
		'connorParent',
		'senco',
		'teacher',
		'camhs',
		'socialworker',
		'ep',
		'caseworker'
	];
	return [
		{
			child: 'Aaron',
			type: 'ehcp_annual_review',
			date: weekdayFrom(today, -330),
			location: 'Oakfield Primary School, meeting room 2',
			chair: 'senco',
			closed: true,
			invitees: everyone(aaronTeam, { caseworker: 'attending_online' }),
			done: 'all',
			doneBy: 'senco'
		},
		{
			child: 'Aaron',
			type: 'ehcp_annual_review',
			date: weekdayFrom(today, 20),
			location: 'Oakfield Primary School, meeting room 2',
			onlineLink: 'https://meet.example.org/oakfield-aaron-review',
			chair: 'senco',
			closed: false,
			invitees: [
				{ person: 'aaronParent', rsvp: 'attending' },
				{ person: 'senco', rsvp: 'attending' },
				{ person: 'teacher', rsvp: 'attending' },
				{ person: 'ta', rsvp: 'attending_online' },
				{
					person: 'salt',
					rsvp: 'cannot_attend',
					contribution:
						'Aaron has made lovely progress this term. He now uses about 20 signs at school as well as at home, and he asks for help with “more” and “finished” without prompting.\n' +
						'What is working: his teaching assistant uses his home signs alongside spoken words, and waits ten seconds before helping.\n' +
						'My suggestion for the plan: keep the daily 20 minutes of speech and language work, and add a shared list of his signs for every adult who works with him.'
				},
				{ person: 'caseworker' }
			],
			done: [],
			doneBy: 'senco'
		},
		{
			child: 'Jordan',
			type: 'ehcp_annual_review',
			date: weekdayFrom(today, -42),
			location: 'Oakfield Primary School, library',
			chair: 'senco',
			closed: true,
			invitees: everyone(jordanTeam, { ot: 'cannot_attend', physio: 'attending_online' }),
			// The review was held, but the report and the rewrite have stalled.
			done: ['invitations_sent', 'advice_circulated'],
			doneBy: 'senco'
		},
		{
			child: 'Jordan',
			type: 'ehcp_interim_review',
			date: weekdayFrom(today, 35),
			location: 'Oakfield Primary School, library',
			chair: 'senco',
			closed: false,
			invitees: [
				{ person: 'jordanParent', rsvp: 'attending' },
				{ person: 'senco', rsvp: 'attending' },
				{ person: 'teacher' },
				{ person: 'physio', rsvp: 'attending' },
				{ person: 'ot' },
				{ person: 'caseworker', rsvp: 'attending_online' }
			],
			done: [],
			doneBy: 'senco'
		},
		{
			child: 'Maya',
			type: 'taf_review',
			date: weekdayFrom(today, -133),
			location: 'Little Acorns Nursery',
			chair: 'keyperson',
			closed: true,
			invitees: everyone(mayaTeam),
			done: [],
			doneBy: 'keyperson'
		},
		{
			child: 'Maya',
			type: 'taf_review',
			date: weekdayFrom(today, -49),
			location: 'Little Acorns Nursery',
			chair: 'keyperson',
			closed: true,
			invitees: everyone(mayaTeam, { healthvisitor: 'attending_online' }),
			done: [],
			doneBy: 'keyperson'
		},
		{
			child: 'Maya',
			type: 'taf_review',
			date: weekdayFrom(today, 14),
			location: 'Little Acorns Nursery',
			onlineLink: 'https://meet.example.org/acorns-maya-taf',
			chair: 'keyperson',
			closed: false,
			invitees: [
				{ person: 'mayaParent', rsvp: 'attending' },
				{ person: 'keyperson', rsvp: 'attending' },
				{ person: 'salt', rsvp: 'attending_online' },
				{ person: 'healthvisitor' },
				{ person: 'familysupport', rsvp: 'attending' }
			],
			done: [],
			doneBy: 'keyperson'
		},
		{
			child: 'Connor',
			type: 'ehcp_annual_review',
			date: previousWeekday(shiftDate(connorReview, { months: -11 })),
			location: 'Oakfield Primary School, meeting room 1',
			chair: 'senco',
			closed: true,
			invitees: everyone(connorTeam, { camhs: 'cannot_attend', ep: 'attending_online' }),
			done: 'all',
			doneBy: 'senco'
		},
		{
			child: 'Connor',
			type: 'phase_transfer_review',
			transfer: 'primary_to_secondary',
			date: connorReview,
			time: '14:00',
			durationMinutes: 90,
			location: 'Oakfield Primary School, meeting room 1',
			chair: 'senco',
			closed: false,
			invitees: [
				{ person: 'connorParent', rsvp: 'attending' },
				{ person: 'senco', rsvp: 'attending' },
				{ person: 'teacher' },
				{ person: 'camhs', rsvp: 'attending_online' },
				{ person: 'socialworker' },
				{ person: 'ep', rsvp: 'attending' },
				{ person: 'caseworker', rsvp: 'attending' }
			],
			done: ['invitations_sent'],
			doneBy: 'senco'
		}
	];
}

const DAY_MS = 24 * 60 * 60_000;

const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/**
 * Each deadline recorded as done on the working day before it fell due (or now, if that is
 * still to come). "all" leaves out the "next review" rules: later meetings meet those.
 */
function completionsFor(demo: DemoMeeting, startsAt: Date, now: Date) {
	const deadlines = computeTimeline({
		type: demo.type,
		startsAt,
		transfer: demo.transfer ?? null,
		childDateOfBirth: '2000-01-01',
		completions: [],
		laterMeetings: [],
		now
	});
	const keys =
		demo.done === 'all'
			? deadlines.filter((d) => !d.rule.metByLaterMeeting).map((d) => d.rule.key)
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

/** Seeds the demo meetings; pass the transaction that seeds the children and people. */
export async function seedDemoMeetings(
	db: Database,
	childIds: Map<string, string>,
	userIds: Map<string, string>,
	now: Date
): Promise<void> {
	for (const demo of demoMeetings(now)) {
		const startsAt = ukInstant(demo.date, demo.time ?? '10:00');
		if (!startsAt) throw new Error(`Demo meeting time does not exist: ${demo.date}`);
		const durationMinutes = demo.durationMinutes ?? 60;
		const [meeting] = await db
			.insert(meetings)
			.values({
				childId: lookup(childIds, demo.child),
				type: demo.type,
				transfer: demo.transfer ?? null,
				startsAt,
				durationMinutes,
				location: demo.location,
				onlineLink: demo.onlineLink ?? null,
				chairId: lookup(userIds, demo.chair),
				agenda: AGENDA_TEMPLATES[demo.type].map((title) => ({ id: crypto.randomUUID(), title })),
				status: demo.closed ? 'closed' : 'scheduled',
				closedAt: demo.closed ? new Date(startsAt.getTime() + durationMinutes * 60_000) : null,
				createdBy: lookup(userIds, demo.chair)
			})
			.returning({ id: meetings.id });
		if (!meeting) throw new Error('Demo meeting not created.');
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
		const completions = completionsFor(demo, startsAt, now);
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
