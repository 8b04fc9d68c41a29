import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents } from '../../db/schema.ts';
import type { ChildDetails } from './childForm.ts';
import { findChild } from './findChild.ts';
import { createChild, createOrganisation, createUser } from '../../testing/factories.ts';
import { updateChild } from './updateChild.ts';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

async function setUp() {
	const { db } = database;
	const school = await createOrganisation(db);
	const senco = await createUser(db, {
		name: 'Priya Shah',
		membership: { organisationId: school.id, role: 'coordinator' }
	});
	const { id } = await createChild(db, school.id);
	const child = await findChild(db, id);
	if (!child) throw new Error('child missing');
	const details: ChildDetails = {
		firstName: child.firstName,
		lastName: child.lastName,
		preferredName: child.preferredName,
		strengths: child.strengths,
		dateOfBirth: child.dateOfBirth,
		setting: child.setting,
		receptionYear: child.receptionYear,
		planType: 'ehcp',
		areasOfNeed: child.areasOfNeed
	};
	return { db, senco, child, details };
}

describe('updateChild', () => {
	it('saves the new details and audits which fields changed, not their contents', async () => {
		const { db, senco, child, details } = await setUp();
		const changed = await updateChild(db, senco.id, child, {
			...details,
			receptionYear: 2023,
			areasOfNeed: ['communication_interaction', 'sensory_physical']
		});
		expect(changed).toEqual(['yearGroup', 'areasOfNeed']);
		expect(await findChild(db, child.id)).toMatchObject({
			receptionYear: 2023,
			areasOfNeed: ['communication_interaction', 'sensory_physical']
		});
		const [event] = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, child.id));
		expect(event).toMatchObject({
			actorId: senco.id,
			action: 'child.updated',
			subjectType: 'child',
			details: { fields: ['yearGroup', 'areasOfNeed'] }
		});
		expect(JSON.stringify(event?.details)).not.toContain('2023');
	});

	it('writes nothing when nothing changed', async () => {
		const { db, senco, child, details } = await setUp();
		expect(await updateChild(db, senco.id, child, details)).toEqual([]);
		expect(await db.select().from(auditEvents).where(eq(auditEvents.subjectId, child.id))).toEqual(
			[]
		);
	});
});
