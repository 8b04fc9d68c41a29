import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsOfMeetingNow } from '../services/actions/meetingActions.ts';
import { listMyActions } from '../services/actions/myActions.ts';
import { loadMinutesVersion } from '../services/minutes/minutesVersions.ts';
import { children, meetings, minutesVersions, users } from '../db/schema.ts';
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
		const [connor] = await database.db
			.select({ id: meetings.id })
			.from(meetings)
			.innerJoin(children, eq(children.id, meetings.childId))
			.where(eq(children.firstName, 'Connor'));
		const versions = await database.db
			.select({ meetingId: minutesVersions.meetingId })
			.from(minutesVersions)
			.where(inArray(minutesVersions.meetingId, [connor?.id ?? '']));
		const frozen = await loadMinutesVersion(database.db, versions[0]?.meetingId ?? '', 1);
		expect(frozen?.restricted?.notes[0]?.text).toContain('Connor is looked after');
		expect(JSON.stringify(frozen?.minutes)).not.toContain('looked after');
	});
});
