import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, children, meetings } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { respondToMeeting } from '../meetings/responses.ts';
import { createMeeting } from '../meetings/scheduleMeeting.ts';
import { createUser } from '../../testing/factories.ts';
import { createMeetingWorld, type MeetingWorld } from '../meetings/testing/meetingWorld.ts';
import { loadFamilyHome } from './familyHome.ts';

let database: TestDatabase;
let world: MeetingWorld;
const now = new Date('2026-11-23T12:00:00Z');
const meetingIds = {} as Record<'past' | 'later' | 'next', string>;

function schedule(startsAt: string, inviteeIds: string[]) {
	return createMeeting(database.db, world.child.id, world.coordinator.id, {
		type: 'ehcp_annual_review',
		transfer: null,
		startsAt: new Date(startsAt),
		durationMinutes: 60,
		location: 'School',
		onlineLink: null,
		chairId: world.coordinator.id,
		inviteeIds,
		agenda: ['Welcome']
	});
}

beforeAll(async () => {
	database = await createTestDatabase();
	world = await createMeetingWorld(database.db);
	const { db } = database;
	meetingIds.past = await schedule('2026-10-01T09:00:00Z', [world.parent.id]);
	meetingIds.later = await schedule('2027-02-01T10:00:00Z', [world.parent.id]);
	meetingIds.next = await schedule('2026-12-10T10:00:00Z', [world.parent.id]);
	await respondToMeeting(db, meetingIds.next, world.parent.id, 'attending_online');
	const action = (id: string, ownerId: string, dueDate: string | null, status = 'open') =>
		db.insert(actions).values({
			id,
			meetingId: meetingIds.past,
			childId: world.child.id,
			text: `Action ${id}`,
			ownerId,
			dueDate,
			status: status as 'open'
		});
	await action('mine-later', world.parent.id, '2026-12-15');
	await action('mine-overdue', world.parent.id, '2026-11-01');
	await action('mine-undated', world.parent.id, null);
	await action('mine-done', world.parent.id, '2026-11-01', 'done');
	await action('someone-else', world.therapist.id, '2026-11-01');
});

afterAll(async () => {
	await database.close();
});

describe('loadFamilyHome', () => {
	it('shows a parent their child, the next meeting with their reply, and their own open actions', async () => {
		const home = await loadFamilyHome(database.db, world.parent.id, now);
		expect(home.family).toBe(true);
		expect(home.children).toEqual([
			expect.objectContaining({
				id: world.child.id,
				name: 'Aaron',
				myTeamRole: 'parent_carer',
				nextMeeting: expect.objectContaining({
					id: meetingIds.next,
					myReply: 'attending_online'
				})
			})
		]);
		expect(home.actions.map((a) => [a.id, a.overdue, a.childName])).toEqual([
			['mine-overdue', true, 'Aaron'],
			['mine-later', false, 'Aaron'],
			['mine-undated', false, 'Aaron']
		]);
	});

	it('calls a professional’s children the ones they work with', async () => {
		const home = await loadFamilyHome(database.db, world.therapist.id, now);
		expect(home.family).toBe(false);
		expect(home.children.map((child) => child.nextMeeting?.myReply ?? null)).toEqual([null]);
		expect(home.actions.map((a) => a.id)).toEqual(['someone-else']);
	});

	it('leaves out deleted meetings and children', async () => {
		const { db } = database;
		await db.update(meetings).set({ deletedAt: now }).where(eq(meetings.id, meetingIds.next));
		const home = await loadFamilyHome(db, world.parent.id, now);
		expect(home.children[0]?.nextMeeting?.id).toBe(meetingIds.later);
		await db.update(children).set({ deletedAt: now }).where(eq(children.id, world.child.id));
		expect(await loadFamilyHome(db, world.parent.id, now)).toEqual({
			children: [],
			family: false,
			actions: []
		});
	});

	it('shows someone in no team an empty home', async () => {
		const stranger = await createUser(database.db, { name: 'Stranger' });
		expect(await loadFamilyHome(database.db, stranger.id, now)).toEqual({
			children: [],
			family: false,
			actions: []
		});
	});
});
