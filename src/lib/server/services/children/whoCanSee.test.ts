import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { whoCanSee } from './whoCanSee.ts';
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

describe('whoCanSee', () => {
	it('lists the team and the coordinators and admins of the child’s organisation, and nobody else', async () => {
		const { db } = database;
		const school = await createOrganisation(db, { name: 'Oakfield Primary School' });
		const otherSchool = await createOrganisation(db, { name: 'Hillside Academy' });
		const health = await createOrganisation(db, { name: 'Northshire Community Health' });

		const senco = await createUser(db, {
			name: 'Priya Shah',
			membership: { organisationId: school.id, role: 'coordinator' }
		});
		const deputy = await createUser(db, {
			name: 'Dev Patel',
			membership: { organisationId: school.id, role: 'coordinator' }
		});
		const head = await createUser(db, {
			name: 'Helen Marsh',
			membership: { organisationId: school.id, role: 'admin' }
		});
		const teacherNotInTeam = await createUser(db, {
			name: 'Tom Bennett',
			membership: { organisationId: school.id, role: 'professional' }
		});
		const ta = await createUser(db, {
			name: 'Grace Lee',
			membership: { organisationId: school.id, role: 'professional' }
		});
		const salt = await createUser(db, {
			name: 'Sam Okafor',
			membership: { organisationId: health.id, role: 'professional' }
		});
		const otherSenco = await createUser(db, {
			name: 'Olga Novak',
			membership: { organisationId: otherSchool.id, role: 'coordinator' }
		});
		const parent = await createUser(db, { name: 'Sarah Thompson' });
		const otherParent = await createUser(db, { name: 'Michael Clarke' });

		const aaron = await createChild(db, school.id);
		const jordan = await createChild(db, school.id, { firstName: 'Jordan', lastName: 'Clarke' });
		await addTeamMember(db, aaron.id, parent.id, 'parent_carer', 'Family');
		await addTeamMember(db, aaron.id, senco.id, 'senco');
		await addTeamMember(db, aaron.id, ta.id, 'teaching_assistant');
		await addTeamMember(db, aaron.id, salt.id, 'salt', 'Northshire Community Health');
		await addTeamMember(db, jordan.id, otherParent.id, 'parent_carer', 'Family');

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
