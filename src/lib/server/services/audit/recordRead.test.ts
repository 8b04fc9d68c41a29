import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import {
	createChildWithTeam,
	createMeeting,
	createSignedInUser,
	type ChildWithTeam,
	type SignedInUser
} from '../../testing/factories.ts';
import { requireChild } from '../children/requireChild.ts';
import { requireMeeting } from '../meetings/requireMeeting.ts';

let database: TestDatabase;
let team: ChildWithTeam;
let meetingId: string;

beforeAll(async () => {
	database = await createTestDatabase();
	team = await createChildWithTeam(database.db);
	meetingId = await createMeeting(database.db, team);
});

afterAll(async () => {
	await database.close();
});

/** The parts of a SvelteKit request event the guards read. */
function requestBy(
	user: SignedInUser,
	path: string,
	params: { childId?: string; meetingId?: string },
	method = 'GET'
) {
	const url = new URL(path, 'http://coplan.test');
	// Only what the guards use: the database and the signed-in user.
	const locals = { db: database.db, user } as unknown as App.Locals;
	return {
		locals,
		url,
		params,
		request: new Request(url, { method }),
		getClientAddress: () => '203.0.113.7'
	};
}

async function readsOf(childId: string) {
	return database.db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.action, 'child.read'), eq(auditEvents.subjectId, childId)));
}

describe('reads of a child’s record in the audit trail', () => {
	it('records who read which page of the child, and from where', async () => {
		const parent = team.member('parent');
		const earlier = new Set((await readsOf(team.childId)).map((row) => row.id));
		await requireChild(requestBy(parent, `/children/${team.childId}`, { childId: team.childId }));
		await requireMeeting(
			requestBy(parent, `/meetings/${meetingId}/minutes/1/minutes.pdf`, { meetingId })
		);
		const reads = (await readsOf(team.childId)).filter((row) => !earlier.has(row.id));
		const described = reads.map((row) => [row.actorId, row.details, row.ip, row.organisationId]);
		expect(described).toHaveLength(2);
		expect(described).toEqual(
			expect.arrayContaining([
				[parent.id, { path: `/children/${team.childId}` }, '203.0.113.7', team.organisationId],
				[
					parent.id,
					{ path: `/meetings/${meetingId}/minutes/1/minutes.pdf` },
					'203.0.113.7',
					team.organisationId
				]
			])
		);
	});

	it('records no read for a form sent, nor for someone refused', async () => {
		const before = (await readsOf(team.childId)).length;
		await requireChild(
			requestBy(
				team.member('senco'),
				`/children/${team.childId}/edit`,
				{ childId: team.childId },
				'POST'
			)
		);
		const stranger = await createSignedInUser(database.db, { name: 'Stranger' });
		await expect(
			requireChild(requestBy(stranger, `/children/${team.childId}`, { childId: team.childId }))
		).rejects.toMatchObject({ status: 404 });
		expect(await readsOf(team.childId)).toHaveLength(before);
	});
});
