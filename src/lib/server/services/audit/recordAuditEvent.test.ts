import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createChildWithTeam, createMeeting, type ChildWithTeam } from '../../testing/factories.ts';
import { recordAuditEvent } from './recordAuditEvent.ts';

let database: TestDatabase;
let team: ChildWithTeam;

beforeAll(async () => {
	database = await createTestDatabase();
	team = await createChildWithTeam(database.db);
});

afterAll(async () => {
	await database.close();
});

async function placeOf(subjectType: string, subjectId: string) {
	const actorId = team.member('senco').id;
	await recordAuditEvent(database.db, { actorId, action: 'test.done', subjectType, subjectId });
	const [row] = await database.db
		.select({ childId: auditEvents.childId, organisationId: auditEvents.organisationId })
		.from(auditEvents)
		.where(eq(auditEvents.subjectId, subjectId));
	return row;
}

describe('where an audit event belongs', () => {
	it('finds the child and organisation of a child, a meeting and an organisation', async () => {
		const meetingId = await createMeeting(database.db, team);
		const expected = { childId: team.childId, organisationId: team.organisationId };
		expect(await placeOf('child', team.childId)).toEqual(expected);
		expect(await placeOf('meeting', meetingId)).toEqual(expected);
		expect(await placeOf('organisation', team.organisationId)).toEqual({
			childId: null,
			organisationId: team.organisationId
		});
	});

	it('leaves a person’s own account events to no organisation', async () => {
		const userId = team.member('parent').id;
		expect(await placeOf('user', userId)).toEqual({ childId: null, organisationId: null });
	});
});
