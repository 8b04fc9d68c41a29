import { and, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsOfMeetingNow } from '../services/actions/meetingActions.ts';
import { listMyActions } from '../services/actions/myActions.ts';
import { loadMinutesVersion } from '../services/minutes/minutesVersions.ts';
import { children, meetings, minutesVersions, outcomes, users } from '../db/schema.ts';
import { loadCurrentPlan, loadProposedPlans } from '../services/plan/planVersions.ts';
import { loadMeetingDocSeed } from '../services/meetings/meetingDocSeed.ts';
import { seedDemo } from './seed.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';

let database: TestDatabase;
const NOW = new Date('2026-11-24T09:00:00Z');

beforeAll(async () => {
	database = await createTestDatabase();
	await seedDemo(database.db, NOW);
});

afterAll(async () => {
	await database?.close();
});

describe('the demo minutes', () => {
	it('gives every demo child a closed meeting with minutes version 1', async () => {
		const rows = await database.db
			.select({ child: children.firstName, version: minutesVersions.version })
			.from(minutesVersions)
			.innerJoin(meetings, eq(meetings.id, minutesVersions.meetingId))
			.innerJoin(children, eq(children.id, meetings.childId));
		expect(new Set(rows.map((row) => row.child))).toEqual(
			new Set(['Aaron', 'Jordan', 'Maya', 'Connor'])
		);
		expect(rows.every((row) => row.version === 1)).toBe(true);
	});

	it('records owned actions, some overdue, and carries Maya’s open action into her next review', async () => {
		const [salt] = await database.db
			.select({ id: users.id })
			.from(users)
			.where(eq(users.email, 'salt@demo.coplan.test'));
		const mine = await listMyActions(database.db, salt?.id ?? '', NOW);
		const all = [...mine.overdue, ...mine.dueThisWeek, ...mine.later];
		expect(all.map((action) => [action.childName, action.text])).toEqual(
			expect.arrayContaining([
				['Aaron', 'Teach the class five of Aaron’s home signs.'],
				['Maya', 'Assess Maya’s speech and language at nursery.']
			])
		);
		const maya = all.find((action) => action.childName === 'Maya');
		expect(maya).toMatchObject({ carried: true, status: 'in_progress' });
		expect(all.filter((action) => action.childName === 'Maya')).toHaveLength(1);

		// In the earlier meeting's list it shows as carried forward, with its status now.
		const [first] = await database.db
			.select({ id: meetings.id })
			.from(meetings)
			.innerJoin(children, eq(children.id, meetings.childId))
			.where(eq(children.firstName, 'Maya'))
			.orderBy(meetings.startsAt);
		const earlier = await actionsOfMeetingNow(database.db, first?.id ?? '');
		const assess = earlier.find((action) => action.text.startsWith('Assess Maya'));
		expect(assess).toMatchObject({ status: 'in_progress' });
		expect(assess?.carriedToMeetingId).toBe(maya?.meetingId);
	});

	it('keeps Connor’s restricted note in the restricted part of his minutes only', async () => {
		// His latest held review: the one a year before his phase-transfer review.
		const [connor] = await database.db
			.select({ id: meetings.id })
			.from(meetings)
			.innerJoin(children, eq(children.id, meetings.childId))
			.where(and(eq(children.firstName, 'Connor'), eq(meetings.status, 'closed')))
			.orderBy(desc(meetings.startsAt));
		const versions = await database.db
			.select({ meetingId: minutesVersions.meetingId })
			.from(minutesVersions)
			.where(inArray(minutesVersions.meetingId, [connor?.id ?? '']));
		const frozen = await loadMinutesVersion(database.db, versions[0]?.meetingId ?? '', 1);
		expect(frozen?.restricted?.notes[0]?.text).toContain('Connor is looked after');
		expect(JSON.stringify(frozen?.minutes)).not.toContain('looked after');
	});
});

describe('the demo plans', () => {
	async function childId(firstName: string): Promise<string> {
		const [row] = await database.db
			.select({ id: children.id })
			.from(children)
			.where(eq(children.firstName, firstName));
		return row?.id ?? '';
	}

	it('carries each child’s outcomes across their reviews, with a score at each', async () => {
		for (const name of ['Aaron', 'Jordan', 'Maya', 'Connor']) {
			const id = await childId(name);
			const rows = await database.db
				.select({ id: outcomes.id, progress: outcomes.progress })
				.from(outcomes)
				.where(eq(outcomes.childId, id));
			const meetingsPerOutcome = new Map<string, number>();
			for (const row of rows)
				meetingsPerOutcome.set(row.id, (meetingsPerOutcome.get(row.id) ?? 0) + 1);
			expect(Math.max(...meetingsPerOutcome.values()), name).toBeGreaterThanOrEqual(2);
		}
	});

	it('gives every child a current plan, and the LA’s decisions the stories tell', async () => {
		const aaron = await loadCurrentPlan(database.db, await childId('Aaron'));
		expect(aaron).toMatchObject({ source: 'la_decision', state: 'adopted' });
		expect(aaron?.content.outcomes.map((outcome) => outcome.text)).toEqual([
			'By the end of Year 2, Aaron will ask for help using his signs or words.',
			'Aaron will join carpet time for 10 minutes, with a visual timer.'
		]);
		// Jordan's last review proposed a rewrite the LA has not decided on yet.
		const jordan = await childId('Jordan');
		expect(await loadProposedPlans(database.db, jordan)).toHaveLength(1);
		expect(await loadCurrentPlan(database.db, jordan)).toMatchObject({ source: 'la_decision' });
		// Connor's plan was kept as it was: the friendship outcome ended at the review stays.
		const connor = await loadCurrentPlan(database.db, await childId('Connor'));
		expect(connor?.content.outcomes).toHaveLength(2);
		// Maya's family plan changes when each review closes.
		const maya = await loadCurrentPlan(database.db, await childId('Maya'));
		expect(maya).toMatchObject({ source: 'meeting', state: 'adopted' });
		expect(maya?.content.sections.working).toContain('Picture cards');
	});

	it('starts each child’s next review from their current plan', async () => {
		for (const name of ['Aaron', 'Jordan', 'Maya', 'Connor']) {
			const id = await childId(name);
			const [next] = await database.db
				.select({ id: meetings.id })
				.from(meetings)
				.where(and(eq(meetings.childId, id), eq(meetings.status, 'scheduled')))
				.orderBy(meetings.startsAt);
			const seed = await loadMeetingDocSeed(database.db, next?.id ?? '', NOW);
			const plan = await loadCurrentPlan(database.db, id);
			expect(
				seed?.plan?.outcomes.map((outcome) => outcome.id),
				name
			).toEqual(plan?.content.outcomes.map((outcome) => outcome.id));
			expect(seed?.plan?.outcomes.length, name).toBeGreaterThan(0);
		}
	});
});
