import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, deadlineCompletions, meetings } from '../../db/schema.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { loadActor } from '../../policy.ts';
import { createMeeting } from '../meetings/scheduleMeeting.ts';
import {
	addTeamMember,
	createChild,
	createOrganisation,
	createUser,
	type TestUser
} from '../../testing/factories.ts';
import { isCoordinator, loadCaseload, parseCaseloadQuery, type CaseloadQuery } from './caseload.ts';
import { receptionYearFor } from '../../../shared/domain/yearGroups.ts';

let database: TestDatabase;
let coordinator: TestUser;
let newCoordinator: TestUser;
const ids = {} as Record<
	'aaron' | 'jordan' | 'bea' | 'maya' | 'aaronReview' | 'jordanReview' | 'mayaReview',
	string
>;
// Monday 23 November 2026, noon in the UK.
const now = new Date('2026-11-23T12:00:00Z');
const query = (change: Partial<CaseloadQuery> = {}): CaseloadQuery => ({
	sort: 'child',
	planType: null,
	overdueOnly: false,
	...change
});

async function meeting(childId: string, type: MeetingType, startsAt: string, status = 'scheduled') {
	const id = await createMeeting(database.db, childId, coordinator.id, {
		type,
		transfer: null,
		startsAt: new Date(startsAt),
		durationMinutes: 60,
		location: 'School',
		onlineLink: null,
		chairId: coordinator.id,
		inviteeIds: [coordinator.id],
		agenda: ['Welcome']
	});
	if (status !== 'scheduled') {
		await database.db.update(meetings).set({ status }).where(eq(meetings.id, id));
	}
	return id;
}

async function done(meetingId: string, ...ruleKeys: string[]) {
	for (const ruleKey of ruleKeys) {
		await database.db.insert(deadlineCompletions).values({ meetingId, ruleKey });
	}
}

let actionNumber = 0;
async function action(childId: string, meetingId: string, dueDate: string | null, status = 'open') {
	actionNumber += 1;
	await database.db.insert(actions).values({
		id: `action-${actionNumber}`,
		meetingId,
		childId,
		text: `Action ${actionNumber}`,
		dueDate,
		status: status as 'open'
	});
}

beforeAll(async () => {
	database = await createTestDatabase();
	const { db } = database;
	const school = await createOrganisation(db, { name: 'Oakfield' });
	const otherSchool = await createOrganisation(db, { name: 'Elsewhere' });
	coordinator = await createUser(db, {
		name: 'Priya Shah',
		membership: { organisationId: school.id, role: 'coordinator' }
	});
	newCoordinator = await createUser(db, {
		name: 'New Coordinator',
		membership: {
			organisationId: (await createOrganisation(db, { name: 'New school' })).id,
			role: 'coordinator'
		}
	});
	// Held by the coordinator's school, coordinator not in the teams.
	const aaron = await createChild(db, school.id, { firstName: 'Aaron' });
	const jordan = await createChild(db, school.id, { firstName: 'Jordan' });
	const bea = await createChild(db, school.id, {
		firstName: 'Beatrice',
		preferredName: 'Bea',
		planType: 'sen_support'
	});
	// Another school's child whose team the coordinator is in.
	const maya = await createChild(db, otherSchool.id, { firstName: 'Maya', planType: 'early_help' });
	await addTeamMember(db, maya.id, coordinator.id, 'senco');
	// Another school's child the coordinator has nothing to do with.
	await createChild(db, otherSchool.id, { firstName: 'Zed' });
	Object.assign(ids, { aaron: aaron.id, jordan: jordan.id, bea: bea.id, maya: maya.id });

	// Aaron: review on 10 December; invitations due 26 November (due soon).
	ids.aaronReview = await meeting(aaron.id, 'ehcp_annual_review', '2026-12-10T10:00:00Z');
	// Jordan: review held 12 October; report due 26 October, not done (overdue).
	ids.jordanReview = await meeting(
		jordan.id,
		'ehcp_annual_review',
		'2026-10-12T10:00:00Z',
		'closed'
	);
	await done(ids.jordanReview, 'invitations_sent', 'advice_circulated');
	// Maya: TAF review in January; its next review is months away (upcoming).
	ids.mayaReview = await meeting(maya.id, 'taf_review', '2027-01-12T10:00:00Z');
	// Bea: no meetings.

	await action(jordan.id, ids.jordanReview, '2026-11-01');
	await action(jordan.id, ids.jordanReview, '2026-11-22', 'in_progress');
	await action(jordan.id, ids.jordanReview, '2026-12-01');
	await action(jordan.id, ids.jordanReview, '2026-11-01', 'done');
	await action(jordan.id, ids.jordanReview, null);
	await action(aaron.id, ids.aaronReview, '2026-11-23');
	// Due "today" in the UK is not overdue; an action of a deleted meeting is not counted.
	const deleted = await meeting(aaron.id, 'ehcp_interim_review', '2026-09-01T10:00:00Z', 'closed');
	await action(aaron.id, deleted, '2026-10-01');
	await db.update(meetings).set({ deletedAt: now }).where(eq(meetings.id, deleted));
});

afterAll(async () => {
	await database.close();
});

describe('loadCaseload', () => {
	it('shows a new coordinator an empty caseload', async () => {
		const caseload = await loadCaseload(
			database.db,
			await loadActor(database.db, newCoordinator.id),
			query(),
			now
		);
		expect(caseload).toEqual({ rows: [], total: 0 });
	});

	it('lists the organisation’s children and the teams the coordinator is in, nobody else', async () => {
		const actor = await loadActor(database.db, coordinator.id);
		const { rows, total } = await loadCaseload(database.db, actor, query(), now);
		expect(total).toBe(4);
		expect(rows.map((row) => row.name)).toEqual(['Aaron', 'Bea', 'Jordan', 'Maya']);
	});

	it('gives each child the next meeting, the most urgent deadline and action counts', async () => {
		const actor = await loadActor(database.db, coordinator.id);
		const { rows } = await loadCaseload(database.db, actor, query(), now);
		const row = (name: string) => rows.find((r) => r.name === name);
		expect(row('Aaron')).toMatchObject({
			nextMeeting: { id: ids.aaronReview, type: 'ehcp_annual_review' },
			nextDeadline: {
				meetingId: ids.aaronReview,
				ruleKey: 'invitations_sent',
				dueDate: '2026-11-26',
				status: 'due_soon',
				statusText: 'Due in 3 days'
			},
			openActions: 1,
			overdueActions: 0
		});
		expect(row('Jordan')).toMatchObject({
			nextMeeting: null,
			nextDeadline: { ruleKey: 'report_sent', dueDate: '2026-10-26', status: 'overdue' },
			openActions: 4,
			overdueActions: 2
		});
		expect(row('Maya')).toMatchObject({
			nextMeeting: { id: ids.mayaReview, type: 'taf_review' },
			nextDeadline: { ruleKey: 'next_taf_review', status: 'upcoming' },
			openActions: 0,
			overdueActions: 0
		});
		expect(row('Bea')).toMatchObject({ nextMeeting: null, nextDeadline: null, openActions: 0 });
	});

	it.each([
		['child', ['Aaron', 'Bea', 'Jordan', 'Maya']],
		['meeting', ['Aaron', 'Maya', 'Bea', 'Jordan']],
		['deadline', ['Jordan', 'Aaron', 'Maya', 'Bea']],
		['overdue', ['Jordan', 'Aaron', 'Bea', 'Maya']]
	] as const)('sorts by %s', async (sort, order) => {
		const actor = await loadActor(database.db, coordinator.id);
		const { rows } = await loadCaseload(database.db, actor, query({ sort }), now);
		expect(rows.map((row) => row.name)).toEqual(order);
	});

	it('filters by plan type and by overdue deadlines, keeping the total', async () => {
		const actor = await loadActor(database.db, coordinator.id);
		const ehcp = await loadCaseload(database.db, actor, query({ planType: 'ehcp' }), now);
		expect(ehcp.rows.map((row) => row.name)).toEqual(['Aaron', 'Jordan']);
		expect(ehcp.total).toBe(4);
		const overdue = await loadCaseload(database.db, actor, query({ overdueOnly: true }), now);
		expect(overdue.rows.map((row) => row.name)).toEqual(['Jordan']);
		const none = await loadCaseload(
			database.db,
			actor,
			query({ planType: 'early_help', overdueOnly: true }),
			now
		);
		expect(none.rows).toEqual([]);
	});

	it('updates when a deadline is marked done', async () => {
		await done(ids.jordanReview, 'report_sent', 'la_decision');
		const actor = await loadActor(database.db, coordinator.id);
		const { rows } = await loadCaseload(database.db, actor, query(), now);
		expect(rows.find((row) => row.name === 'Jordan')?.nextDeadline).toMatchObject({
			ruleKey: 'amended_plan_issued',
			dueDate: '2027-01-04',
			status: 'upcoming'
		});
	});
});

describe('parseCaseloadQuery', () => {
	it.each([
		['', { sort: 'deadline', planType: null, overdueOnly: false }],
		['sort=meeting&plan=ehcp&overdue=1', { sort: 'meeting', planType: 'ehcp', overdueOnly: true }],
		['sort=drop+table&plan=x&overdue=yes', { sort: 'deadline', planType: null, overdueOnly: false }]
	])('%j', (search, expected) => {
		expect(parseCaseloadQuery(new URLSearchParams(search))).toEqual(expected);
	});
});

describe('isCoordinator', () => {
	it.each([
		['coordinator', true],
		['admin', true],
		['professional', false]
	] as const)('%s: %s', (role, expected) => {
		expect(
			isCoordinator({ id: 'u', memberships: [{ organisationId: 'o', role }], teams: [] })
		).toBe(expected);
	});

	it('is false for someone in teams only', () => {
		expect(
			isCoordinator({ id: 'u', memberships: [], teams: [{ childId: 'c', teamRole: 'senco' }] })
		).toBe(false);
	});
});

describe('a move between phases on the caseload', () => {
	it('is flagged from the summer before, with the right deadline and a prompt to book the review', async () => {
		const { db } = database;
		const college = await createOrganisation(db, { name: 'Transfer school' });
		const senco = await createUser(db, {
			name: 'Sam Senco',
			membership: { organisationId: college.id, role: 'coordinator' }
		});
		// Reviewed in June 2026 in Year 5: in Year 6 from September, moving in September 2027.
		const june = new Date('2026-06-15T12:00:00Z');
		const year5 = receptionYearFor(5, '2026-06-15');
		const connor = await createChild(db, college.id, { firstName: 'Connor', receptionYear: year5 });
		// The same cohort without an EHCP, and a younger child: not flagged.
		await createChild(db, college.id, {
			firstName: 'Sana',
			receptionYear: year5,
			planType: 'sen_support'
		});
		await createChild(db, college.id, { firstName: 'Yusuf', receptionYear: year5 + 2 });
		const actor = await loadActor(db, senco.id);

		const inJune = await loadCaseload(db, actor, query(), june);
		const flagged = inJune.rows.filter((row) => row.transfer !== null);
		expect(flagged.map((row) => row.name)).toEqual(['Connor']);
		expect(flagged[0]?.transfer).toEqual({
			transfer: 'primary_to_secondary',
			year: 2027,
			deadline: '2027-02-15',
			reviewBooked: false
		});
		expect(flagged[0]?.yearGroup).not.toBeNull();
		// Not yet in May; once the autumn review is booked, it says so instead of asking.
		const inMay = await loadCaseload(db, actor, query(), new Date('2026-05-20T12:00:00Z'));
		expect(inMay.rows.every((row) => row.transfer === null)).toBe(true);
		const review = await createMeeting(db, connor.id, senco.id, {
			type: 'phase_transfer_review',
			transfer: 'primary_to_secondary',
			startsAt: new Date('2026-10-05T10:00:00Z'),
			durationMinutes: 60,
			location: 'School',
			onlineLink: null,
			chairId: senco.id,
			inviteeIds: [senco.id],
			agenda: ['Welcome']
		});
		expect(review).toBeTruthy();
		const booked = await loadCaseload(db, actor, query(), june);
		expect(booked.rows.find((row) => row.name === 'Connor')?.transfer?.reviewBooked).toBe(true);
		// After the deadline the move is behind the child.
		const later = await loadCaseload(db, actor, query(), new Date('2027-02-16T12:00:00Z'));
		expect(later.rows.every((row) => row.transfer === null)).toBe(true);
	});
});
