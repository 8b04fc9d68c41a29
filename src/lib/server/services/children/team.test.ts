import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents } from '../../db/schema.ts';
import { changeTeamMember, listTeam, removeTeamMember } from './team.ts';
import {
	addTeamMember,
	createChild,
	createOrganisation,
	createUser
} from '../../testing/factories.ts';
import { storedDocuments } from '../../collab/liveDocuments.ts';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

async function team() {
	const { db } = database;
	const school = await createOrganisation(db);
	const senco = await createUser(db, {
		name: 'Priya Shah',
		membership: { organisationId: school.id, role: 'coordinator' }
	});
	const teacher = await createUser(db, {
		name: 'Tom Bennett',
		membership: { organisationId: school.id, role: 'professional' }
	});
	const parent = await createUser(db, { name: 'Sarah Thompson' });
	const child = await createChild(db, school.id);
	await addTeamMember(db, child.id, senco.id, 'senco');
	await addTeamMember(db, child.id, teacher.id, 'class_teacher');
	await addTeamMember(db, child.id, parent.id, 'parent_carer', 'Family');
	return { db, senco, teacher, parent, child };
}

const auditFor = (childId: string) =>
	database.db
		.select({
			actorId: auditEvents.actorId,
			action: auditEvents.action,
			details: auditEvents.details
		})
		.from(auditEvents)
		.where(eq(auditEvents.subjectId, childId));

describe('listTeam', () => {
	it('puts the family first, then the roles in their usual order', async () => {
		const { db, child } = await team();
		expect((await listTeam(db, child.id)).map((m) => m.teamRole)).toEqual([
			'parent_carer',
			'senco',
			'class_teacher'
		]);
	});
});

describe('changeTeamMember', () => {
	it('changes role and agency and records the change', async () => {
		const { db, senco, teacher, child } = await team();
		const result = await changeTeamMember(db, storedDocuments(db), senco.id, child.id, teacher.id, {
			teamRole: 'chair',
			agency: 'Oakfield Primary School (Year 2)'
		});
		expect(result).toEqual({ ok: true });
		expect((await listTeam(db, child.id)).find((m) => m.userId === teacher.id)).toMatchObject({
			teamRole: 'chair',
			agency: 'Oakfield Primary School (Year 2)'
		});
		expect(await auditFor(child.id)).toEqual([
			{
				actorId: senco.id,
				action: 'team.memberChanged',
				details: {
					userId: teacher.id,
					from: { teamRole: 'class_teacher', agency: 'Oakfield Primary School' },
					to: { teamRole: 'chair', agency: 'Oakfield Primary School (Year 2)' }
				}
			}
		]);
	});

	it('will not take away the team’s last coordinating role', async () => {
		const { db, senco, child } = await team();
		expect(
			await changeTeamMember(db, storedDocuments(db), senco.id, child.id, senco.id, {
				teamRole: 'class_teacher',
				agency: 'Oakfield Primary School'
			})
		).toEqual({ ok: false, reason: 'lastCoordinator' });
		expect(await auditFor(child.id)).toEqual([]);
	});

	it('will not turn a parent into a professional, or a professional into family', async () => {
		const { db, senco, teacher, parent, child } = await team();
		expect(
			await changeTeamMember(db, storedDocuments(db), senco.id, child.id, parent.id, {
				teamRole: 'senco',
				agency: 'Family'
			})
		).toEqual({ ok: false, reason: 'crossesFamilyLine' });
		expect(
			await changeTeamMember(db, storedDocuments(db), senco.id, child.id, teacher.id, {
				teamRole: 'parent_carer',
				agency: 'Family'
			})
		).toEqual({ ok: false, reason: 'crossesFamilyLine' });
		// Between family roles is fine: a foster carer recorded as the child, say.
		expect(
			await changeTeamMember(db, storedDocuments(db), senco.id, child.id, parent.id, {
				teamRole: 'child',
				agency: 'Family'
			})
		).toEqual({ ok: true });
	});

	it('refuses someone who is not in the team', async () => {
		const { db, senco, child } = await team();
		const stranger = await createUser(db, { name: 'Stranger' });
		expect(
			await changeTeamMember(db, storedDocuments(db), senco.id, child.id, stranger.id, {
				teamRole: 'other',
				agency: 'Somewhere'
			})
		).toEqual({ ok: false, reason: 'notInTeam' });
	});
});

describe('removeTeamMember', () => {
	it('removes a member and records who removed whom', async () => {
		const { db, senco, teacher, child } = await team();
		expect(await removeTeamMember(db, storedDocuments(db), senco.id, child.id, teacher.id)).toEqual(
			{ ok: true }
		);
		expect((await listTeam(db, child.id)).map((m) => m.userId)).not.toContain(teacher.id);
		expect(await auditFor(child.id)).toEqual([
			{
				actorId: senco.id,
				action: 'team.memberRemoved',
				details: {
					userId: teacher.id,
					teamRole: 'class_teacher',
					agency: 'Oakfield Primary School'
				}
			}
		]);
	});

	it('will not remove the last coordinating member, but will once another is added', async () => {
		const { db, senco, teacher, child } = await team();
		expect(await removeTeamMember(db, storedDocuments(db), senco.id, child.id, senco.id)).toEqual({
			ok: false,
			reason: 'lastCoordinator'
		});
		await changeTeamMember(db, storedDocuments(db), senco.id, child.id, teacher.id, {
			teamRole: 'chair',
			agency: 'Oakfield Primary School'
		});
		expect(await removeTeamMember(db, storedDocuments(db), senco.id, child.id, senco.id)).toEqual({
			ok: true
		});
	});
});
