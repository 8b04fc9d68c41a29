import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { listVisibleChildren } from './listVisibleChildren.ts';
import { loadActor } from '../../policy.ts';
import {
	addTeamMember,
	createChild,
	createOrganisation,
	createUser
} from '../../testing/factories.ts';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

describe('listVisibleChildren', () => {
	it('gives a coordinator their organisation’s children and their teams’ children, by name', async () => {
		const { db } = database;
		const school = await createOrganisation(db, { name: 'Oakfield Primary School' });
		const nursery = await createOrganisation(db, { name: 'Little Acorns Nursery' });
		const la = await createOrganisation(db, { name: 'Northshire Council' });
		const caseworker = await createUser(db, {
			name: 'Mark Evans',
			membership: { organisationId: la.id, role: 'coordinator' }
		});
		const senco = await createUser(db, {
			name: 'Priya Shah',
			membership: { organisationId: school.id, role: 'coordinator' }
		});
		const teacher = await createUser(db, {
			name: 'Tom Bennett',
			membership: { organisationId: school.id, role: 'professional' }
		});

		await createChild(db, school.id, { firstName: 'Connor', lastName: 'Murphy' });
		const aaron = await createChild(db, school.id, { firstName: 'Aaron' });
		await createChild(db, nursery.id, { firstName: 'Maya', lastName: 'Begum' });
		await createChild(db, school.id, { firstName: 'Ben', deletedAt: new Date() });
		await addTeamMember(db, aaron.id, caseworker.id, 'la_caseworker', 'Northshire Council');
		await addTeamMember(db, aaron.id, teacher.id, 'class_teacher');

		const names = async (user: { id: string; name: string }) =>
			(await listVisibleChildren(db, await loadActor(db, user.id))).map((c) => c.firstName);

		expect(await names(senco)).toEqual(['Aaron', 'Connor']);
		// A professional sees only the children whose team they are in, not the whole school.
		expect(await names(teacher)).toEqual(['Aaron']);
		expect(await names(caseworker)).toEqual(['Aaron']);
		const [aaronForSenco] = await listVisibleChildren(db, await loadActor(db, senco.id));
		expect(aaronForSenco?.myTeamRole).toBeNull();
	});

	it('gives someone with no organisation and no team nothing', async () => {
		const { db } = database;
		const stranger = await createUser(db, { name: 'Nobody Inparticular' });
		expect(await listVisibleChildren(db, await loadActor(db, stranger.id))).toEqual([]);
	});
});
