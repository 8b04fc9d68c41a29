import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { listVisibleChildren } from './listVisibleChildren.ts';
import { actorFor, addToTeam, makeChild, makeOrganisation, makeUser } from './testing/fixtures.ts';

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
		const school = await makeOrganisation(db, 'Oakfield Primary School');
		const nursery = await makeOrganisation(db, 'Little Acorns Nursery');
		const la = await makeOrganisation(db, 'Northshire Council');
		const caseworker = await makeUser(db, 'Mark Evans', { id: la.id, role: 'coordinator' });
		const senco = await makeUser(db, 'Priya Shah', { id: school.id, role: 'coordinator' });
		const teacher = await makeUser(db, 'Tom Bennett', { id: school.id, role: 'professional' });

		await makeChild(db, school.id, { firstName: 'Connor', lastName: 'Murphy' });
		const aaron = await makeChild(db, school.id, { firstName: 'Aaron' });
		await makeChild(db, nursery.id, { firstName: 'Maya', lastName: 'Begum' });
		await makeChild(db, school.id, { firstName: 'Ben', deletedAt: new Date() });
		await addToTeam(db, aaron.id, caseworker, 'la_caseworker', 'Northshire Council');
		await addToTeam(db, aaron.id, teacher, 'class_teacher');

		const names = async (user: { id: string; name: string }) =>
			(await listVisibleChildren(db, await actorFor(db, user))).map((c) => c.firstName);

		expect(await names(senco)).toEqual(['Aaron', 'Connor']);
		// A professional sees only the children whose team they are in, not the whole school.
		expect(await names(teacher)).toEqual(['Aaron']);
		expect(await names(caseworker)).toEqual(['Aaron']);
		const [aaronForSenco] = await listVisibleChildren(db, await actorFor(db, senco));
		expect(aaronForSenco?.myTeamRole).toBeNull();
	});

	it('gives someone with no organisation and no team nothing', async () => {
		const { db } = database;
		const stranger = await makeUser(db, 'Nobody Inparticular');
		expect(await listVisibleChildren(db, await actorFor(db, stranger))).toEqual([]);
	});
});
