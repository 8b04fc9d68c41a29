import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, teamMembers } from '../../db/schema.ts';
import { createChild } from './createChild.ts';
import { findChild } from './findChild.ts';
import { createOrganisation, createUser } from '../../testing/factories.ts';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

describe('createChild', () => {
	it('saves the record, puts the creator in the team and records who did it', async () => {
		const { db } = database;
		const school = await createOrganisation(db);
		const senco = await createUser(db, {
			name: 'Priya Shah',
			membership: { organisationId: school.id, role: 'coordinator' }
		});
		const { id } = await createChild(db, senco.id, {
			organisationId: school.id,
			firstName: 'Aaron',
			lastName: 'Thompson',
			preferredName: 'AJ',
			strengths: 'Loves trains.',
			dateOfBirth: '2020-03-14',
			setting: 'Oakfield Primary School',
			receptionYear: 2024,
			planType: 'ehcp',
			areasOfNeed: ['communication_interaction'],
			myTeamRole: 'senco',
			myAgency: 'Oakfield Primary School'
		});

		expect(await findChild(db, id)).toMatchObject({
			organisationId: school.id,
			organisationName: 'Oakfield Primary School',
			firstName: 'Aaron',
			preferredName: 'AJ',
			dateOfBirth: '2020-03-14',
			receptionYear: 2024,
			areasOfNeed: ['communication_interaction'],
			strengths: 'Loves trains.'
		});
		expect(
			await db
				.select({ userId: teamMembers.userId, teamRole: teamMembers.teamRole })
				.from(teamMembers)
				.where(eq(teamMembers.childId, id))
		).toEqual([{ userId: senco.id, teamRole: 'senco' }]);
		expect(
			await db
				.select({ actorId: auditEvents.actorId, action: auditEvents.action })
				.from(auditEvents)
				.where(eq(auditEvents.subjectId, id))
		).toEqual([{ actorId: senco.id, action: 'child.created' }]);
	});
});

describe('findChild', () => {
	it('finds nothing for ids that are not UUIDs, or that do not exist', async () => {
		expect(await findChild(database.db, 'not-a-uuid')).toBeNull();
		expect(await findChild(database.db, '../../etc/passwd')).toBeNull();
		expect(await findChild(database.db, '5f0c6a57-3a0c-4d8e-9a39-0c1b0d6f5a11')).toBeNull();
	});
});
