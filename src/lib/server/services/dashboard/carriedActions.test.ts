import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { loadActor } from '../../policy.ts';
import { createMeeting } from '../meetings/scheduleMeeting.ts';
import {
	createChild,
	createOrganisation,
	createUser,
	type TestUser
} from '../../testing/factories.ts';
import { loadCaseload } from './caseload.ts';
import { listMyActions } from './familyHome.ts';

/**
 * An open action carried from one meeting into the next exists twice in the projection
 * (once per meeting); dashboards must count the later copy only.
 */
let database: TestDatabase;
let coordinator: TestUser;
let owner: TestUser;
let childId: string;
const now = new Date('2026-11-23T12:00:00Z');

async function review(startsAt: string): Promise<string> {
	return createMeeting(database.db, childId, coordinator.id, {
		type: 'ehcp_annual_review',
		transfer: null,
		startsAt: new Date(startsAt),
		durationMinutes: 60,
		location: 'School',
		onlineLink: null,
		chairId: coordinator.id,
		inviteeIds: [coordinator.id],
		agenda: ['Welcome']
	});
}

beforeAll(async () => {
	database = await createTestDatabase();
	const school = await createOrganisation(database.db, { name: 'Oakfield' });
	coordinator = await createUser(database.db, {
		name: 'Priya Shah',
		membership: { organisationId: school.id, role: 'coordinator' }
	});
	owner = await createUser(database.db, { name: 'Sam Okafor' });
	childId = (await createChild(database.db, school.id, { firstName: 'Aaron' })).id;
	const earlier = await review('2026-06-01T10:00:00Z');
	const later = await review('2026-12-10T10:00:00Z');
	const carried = {
		childId,
		text: 'Teach the class Aaron’s signs',
		ownerId: owner.id,
		dueDate: '2026-11-01'
	};
	await database.db.insert(actions).values([
		{ ...carried, id: 'first-copy', meetingId: earlier },
		{ ...carried, id: 'carried-copy', meetingId: later, carriedFromId: 'first-copy' }
	]);
});

afterAll(async () => {
	await database?.close();
});

describe('carried-forward actions on dashboards', () => {
	it('are counted once in the caseload', async () => {
		const actor = await loadActor(database.db, coordinator.id);
		const query = { sort: 'child', planType: null, overdueOnly: false } as const;
		const { rows } = await loadCaseload(database.db, actor, query, now);
		expect(rows[0]).toMatchObject({ openActions: 1, overdueActions: 1 });
	});

	it('are listed once among the owner’s actions', async () => {
		const mine = await listMyActions(database.db, owner.id, now);
		expect(mine.map((action) => action.id)).toEqual(['carried-copy']);
	});
});
