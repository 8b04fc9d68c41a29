import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, teamMembers } from '../../db/schema.ts';
import { addTeamMember, createChild } from '../../testing/factories.ts';
import { NotAllowedError } from '../invitations/context.ts';
import { findMember, listMembers } from './listMembers.ts';
import { changeMemberRole, removeMember } from './memberChanges.ts';
import { createMembersWorld } from './testing/membersWorld.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database.close();
});

async function auditActions(organisationId: string): Promise<string[]> {
	const rows = await database.db
		.select({ action: auditEvents.action })
		.from(auditEvents)
		.where(eq(auditEvents.subjectId, organisationId))
		.orderBy(auditEvents.occurredAt);
	return rows.map((row) => row.action);
}

describe('changeMemberRole', () => {
	it('changes the role and records from what to what', async () => {
		const world = await createMembersWorld(database.db);
		const { id: orgId } = world.organisation;
		expect(
			await changeMemberRole(database.db, world.admin, orgId, world.professional.id, 'coordinator')
		).toEqual({ ok: true, previousRole: 'professional', unchanged: false });
		expect(await findMember(database.db, orgId, world.professional.id)).toMatchObject({
			role: 'coordinator'
		});
		const [event] = await database.db
			.select()
			.from(auditEvents)
			.where(
				and(eq(auditEvents.action, 'membership.roleChanged'), eq(auditEvents.subjectId, orgId))
			);
		expect(event?.actorId).toBe(world.admin.id);
		expect(event?.details).toEqual({
			userId: world.professional.id,
			from: 'professional',
			to: 'coordinator'
		});
		// Choosing the role someone already has changes nothing and records nothing.
		expect(
			await changeMemberRole(database.db, world.admin, orgId, world.professional.id, 'coordinator')
		).toEqual({ ok: true, previousRole: 'coordinator', unchanged: true });
		expect(await auditActions(orgId)).toEqual(['membership.roleChanged']);
	});

	it('never demotes the last admin, but does once there is another', async () => {
		const world = await createMembersWorld(database.db);
		const { id: orgId } = world.organisation;
		expect(
			await changeMemberRole(database.db, world.admin, orgId, world.admin.id, 'coordinator')
		).toEqual({ ok: false, reason: 'lastAdmin' });
		await changeMemberRole(database.db, world.admin, orgId, world.coordinator.id, 'admin');
		expect(
			await changeMemberRole(database.db, world.admin, orgId, world.admin.id, 'coordinator')
		).toMatchObject({ ok: true });
		const admins = (await listMembers(database.db, orgId)).filter((m) => m.role === 'admin');
		expect(admins.map((m) => m.userId)).toEqual([world.coordinator.id]);
	});

	it('refuses a non-member and anyone who is not an admin', async () => {
		const world = await createMembersWorld(database.db);
		const { id: orgId } = world.organisation;
		expect(
			await changeMemberRole(database.db, world.admin, orgId, world.outsider.id, 'admin')
		).toEqual({ ok: false, reason: 'notMember' });
		await expect(
			changeMemberRole(database.db, world.coordinator, orgId, world.coordinator.id, 'admin')
		).rejects.toBeInstanceOf(NotAllowedError);
	});
});

describe('removeMember', () => {
	it('removes only the membership: the account and their team places stay', async () => {
		const world = await createMembersWorld(database.db);
		const { id: orgId } = world.organisation;
		const child = await createChild(database.db, orgId, { setting: 'Oakfield' });
		await addTeamMember(database.db, child.id, world.professional.id, 'class_teacher', 'Oakfield');

		expect(await removeMember(database.db, world.admin, orgId, world.professional.id)).toEqual({
			ok: true
		});
		expect(await findMember(database.db, orgId, world.professional.id)).toBeNull();
		const places = await database.db
			.select()
			.from(teamMembers)
			.where(eq(teamMembers.userId, world.professional.id));
		expect(places).toHaveLength(1);
		const [event] = await database.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'membership.removed'), eq(auditEvents.subjectId, orgId)));
		expect(event?.details).toEqual({ userId: world.professional.id, role: 'professional' });
		expect(await removeMember(database.db, world.admin, orgId, world.professional.id)).toEqual({
			ok: false,
			reason: 'notMember'
		});
	});

	it('never removes the last admin, even when they remove themselves', async () => {
		const world = await createMembersWorld(database.db);
		const { id: orgId } = world.organisation;
		expect(await removeMember(database.db, world.admin, orgId, world.admin.id)).toEqual({
			ok: false,
			reason: 'lastAdmin'
		});
		expect(await findMember(database.db, orgId, world.admin.id)).toMatchObject({ role: 'admin' });
		expect(await auditActions(orgId)).toEqual([]);
	});
});
