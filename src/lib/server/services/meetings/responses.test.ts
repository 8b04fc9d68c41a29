import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createMeeting } from './scheduleMeeting.ts';
import {
	listContributions,
	listInvitees,
	respondToMeeting,
	saveContribution
} from './responses.ts';
import { createMeetingWorld, type MeetingWorld } from './testing/meetingWorld.ts';

let database: TestDatabase;
let world: MeetingWorld;
let meetingId: string;

beforeAll(async () => {
	database = await createTestDatabase();
	world = await createMeetingWorld(database.db);
	meetingId = await createMeeting(database.db, world.child.id, world.coordinator.id, {
		type: 'ehcp_annual_review',
		transfer: null,
		startsAt: new Date('2027-01-14T10:00:00Z'),
		durationMinutes: 60,
		location: 'Oakfield Primary School',
		onlineLink: null,
		chairId: world.coordinator.id,
		inviteeIds: [world.coordinator.id, world.parent.id, world.therapist.id],
		agenda: ['Welcome']
	});
});

afterAll(async () => {
	await database.close();
});

describe('replies and written contributions', () => {
	it('records each reply with its time, and shows it in the invitee list', async () => {
		const { db } = database;
		const answeredAt = new Date('2026-12-01T10:00:00Z');
		expect(await respondToMeeting(db, meetingId, world.parent.id, 'attending', answeredAt)).toEqual(
			{
				ok: true
			}
		);
		expect(
			await respondToMeeting(db, meetingId, world.coordinator.id, 'attending_online', answeredAt)
		).toEqual({ ok: true });
		const invitees = await listInvitees(db, meetingId);
		expect(invitees.map(({ name, rsvp, teamRole }) => ({ name, rsvp, teamRole }))).toEqual([
			{ name: 'Priya Shah', rsvp: 'attending_online', teamRole: 'senco' },
			{ name: 'Sam Okafor', rsvp: 'pending', teamRole: 'salt' },
			{ name: 'Sarah Jones', rsvp: 'attending', teamRole: 'parent_carer' }
		]);
		expect(invitees.find((i) => i.name === 'Sarah Jones')?.respondedAt).toEqual(answeredAt);
	});

	it('takes a written contribution only from someone who cannot attend', async () => {
		const { db } = database;
		expect(await saveContribution(db, meetingId, world.therapist.id, 'Notes')).toEqual({
			ok: false,
			reason: 'notCannotAttend'
		});
		await respondToMeeting(db, meetingId, world.therapist.id, 'cannot_attend');
		const at = new Date('2026-12-02T16:30:00Z');
		const text = 'Aaron now uses 20 signs at home.\nHe asks for help with "more" and "finished".';
		expect(await saveContribution(db, meetingId, world.therapist.id, text, at)).toEqual({
			ok: true
		});
		expect(await listContributions(db, meetingId)).toEqual([
			{
				userId: world.therapist.id,
				name: 'Sam Okafor',
				teamRole: 'salt',
				agency: 'Oakfield Primary School',
				text,
				submittedAt: at
			}
		]);
	});

	it('replaces a contribution when it is edited', async () => {
		const { db } = database;
		await saveContribution(db, meetingId, world.therapist.id, 'Updated notes');
		const contributions = await listContributions(db, meetingId);
		expect(contributions.map((c) => c.text)).toEqual(['Updated notes']);
	});

	it('refuses replies from people not invited', async () => {
		const { db } = database;
		expect(await respondToMeeting(db, meetingId, world.outsider.id, 'attending')).toEqual({
			ok: false,
			reason: 'notInvited'
		});
		expect(await saveContribution(db, meetingId, world.outsider.id, 'Hello')).toEqual({
			ok: false,
			reason: 'notInvited'
		});
	});

	it('refuses replies once the meeting has closed', async () => {
		const { db } = database;
		await db
			.update(meetings)
			.set({ status: 'closed', closedAt: new Date() })
			.where(eq(meetings.id, meetingId));
		expect(await respondToMeeting(db, meetingId, world.parent.id, 'cannot_attend')).toEqual({
			ok: false,
			reason: 'closed'
		});
		expect(await saveContribution(db, meetingId, world.therapist.id, 'Late')).toEqual({
			ok: false,
			reason: 'closed'
		});
		expect((await listContributions(db, meetingId)).map((c) => c.text)).toEqual(['Updated notes']);
	});

	it('lists no contributions for a meeting without any', async () => {
		expect(await listContributions(database.db, crypto.randomUUID())).toEqual([]);
	});
});
