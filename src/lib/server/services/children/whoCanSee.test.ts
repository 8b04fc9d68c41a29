import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { whoCanSee } from './whoCanSee.ts';
import { addToTeam, makeChild, makeOrganisation, makeUser } from './testing/fixtures.ts';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

describe('whoCanSee', () => {
	it('lists the team and the coordinators and admins of the child’s organisation, and nobody else', async () => {
		const { db } = database;
		const school = await makeOrganisation(db, 'Oakfield Primary School');
		const otherSchool = await makeOrganisation(db, 'Hillside Academy');
		const health = await makeOrganisation(db, 'Northshire Community Health');

		const senco = await makeUser(db, 'Priya Shah', { id: school.id, role: 'coordinator' });
		const deputy = await makeUser(db, 'Dev Patel', { id: school.id, role: 'coordinator' });
		const head = await makeUser(db, 'Helen Marsh', { id: school.id, role: 'admin' });
		const teacherNotInTeam = await makeUser(db, 'Tom Bennett', {
			id: school.id,
			role: 'professional'
		});
		const ta = await makeUser(db, 'Grace Lee', { id: school.id, role: 'professional' });
		const salt = await makeUser(db, 'Sam Okafor', { id: health.id, role: 'professional' });
		const otherSenco = await makeUser(db, 'Olga Novak', {
			id: otherSchool.id,
			role: 'coordinator'
		});
		const parent = await makeUser(db, 'Sarah Thompson');
		const otherParent = await makeUser(db, 'Michael Clarke');

		const aaron = await makeChild(db, school.id);
		const jordan = await makeChild(db, school.id, { firstName: 'Jordan', lastName: 'Clarke' });
		await addToTeam(db, aaron.id, parent, 'parent_carer', 'Family');
		await addToTeam(db, aaron.id, senco, 'senco');
		await addToTeam(db, aaron.id, ta, 'teaching_assistant');
		await addToTeam(db, aaron.id, salt, 'salt', 'Northshire Community Health');
		await addToTeam(db, jordan.id, otherParent, 'parent_carer', 'Family');

		const access = await whoCanSee(db, { ...aaron, organisationName: school.name });

		expect(access).toEqual([
			{
				userId: parent.id,
				name: 'Sarah Thompson',
				reason: { kind: 'team', teamRole: 'parent_carer', agency: 'Family' }
			},
			{
				userId: senco.id,
				name: 'Priya Shah',
				reason: { kind: 'team', teamRole: 'senco', agency: 'Oakfield Primary School' }
			},
			{
				userId: ta.id,
				name: 'Grace Lee',
				reason: { kind: 'team', teamRole: 'teaching_assistant', agency: 'Oakfield Primary School' }
			},
			{
				userId: salt.id,
				name: 'Sam Okafor',
				reason: { kind: 'team', teamRole: 'salt', agency: 'Northshire Community Health' }
			},
			{
				userId: deputy.id,
				name: 'Dev Patel',
				reason: {
					kind: 'organisation',
					role: 'coordinator',
					organisationName: 'Oakfield Primary School'
				}
			},
			{
				userId: head.id,
				name: 'Helen Marsh',
				reason: { kind: 'organisation', role: 'admin', organisationName: 'Oakfield Primary School' }
			}
		]);
		const listed = access.map((person) => person.userId);
		for (const outsider of [teacherNotInTeam, otherSenco, otherParent]) {
			expect(listed).not.toContain(outsider.id);
		}
	});
});
