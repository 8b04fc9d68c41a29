import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, memberships, teamMembers } from '../../db/schema.ts';
import { childTeamScope } from './childTeamScope.ts';
import { acceptInvitationAsUser, acceptInvitationWithNewAccount } from './acceptInvitation.ts';
import { NotAllowedError } from './context.ts';
import { createInvitation } from './createInvitation.ts';
import { findInvitationByToken } from './findInvitationByToken.ts';
import { revokeInvitation } from './revokeInvitation.ts';
import { createInvitationWorld, type InvitationWorld } from './testing/invitationWorld.ts';
import { tokenMailedTo } from '../../mail/testing/outbox.ts';
import { organisationScope } from './organisationScope.ts';
import { listOpenInvitations } from './listInvitations.ts';
import { createMembersWorld } from '../organisationMembers/testing/membersWorld.ts';
import { inviteMember } from './testing/inviteMember.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database.close();
});

async function invite(world: InvitationWorld, email: string) {
	const result = await createInvitation(
		childTeamScope,
		world.context,
		world.coordinator,
		world.child,
		{
			name: 'Invited Person',
			email,
			teamRole: 'parent_carer',
			agency: 'Family'
		}
	);
	if (!result.ok) throw new Error('not invited');
	return {
		id: result.invitationId,
		token: await tokenMailedTo(database.db, email, '/invitations')
	};
}

describe('revokeInvitation to a child’s team', () => {
	it('stops the link working at once and records who cancelled it', async () => {
		const world = await createInvitationWorld(database.db);
		const { id, token } = await invite(world, 'revoked@example.org');
		expect(
			await revokeInvitation(childTeamScope, database.db, world.coordinator, world.child, id)
		).toEqual({
			ok: true,
			email: 'revoked@example.org'
		});
		expect((await findInvitationByToken(childTeamScope, database.db, token))?.status).toBe(
			'revoked'
		);
		expect(
			await acceptInvitationWithNewAccount(childTeamScope, database.db, token, {
				name: 'Invited Person',
				password: 'a long and unusual passphrase'
			})
		).toEqual({ ok: false, reason: 'revoked' });
		const team = await database.db
			.select()
			.from(teamMembers)
			.where(eq(teamMembers.childId, world.child.id));
		expect(team).toHaveLength(1);
		const [event] = await database.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'invitation.revoked'));
		expect(event).toMatchObject({ actorId: world.coordinator.id, subjectId: world.child.id });
	});

	it('cannot cancel twice, nor cancel an accepted invitation', async () => {
		const world = await createInvitationWorld(database.db);
		const first = await invite(world, 'twice-revoked@example.org');
		await revokeInvitation(childTeamScope, database.db, world.coordinator, world.child, first.id);
		expect(
			await revokeInvitation(childTeamScope, database.db, world.coordinator, world.child, first.id)
		).toEqual({
			ok: false,
			reason: 'revoked'
		});
		const accepted = await invite(world, world.existingParent.email);
		await acceptInvitationAsUser(childTeamScope, database.db, accepted.token, world.existingParent);
		expect(
			await revokeInvitation(
				childTeamScope,
				database.db,
				world.coordinator,
				world.child,
				accepted.id
			)
		).toEqual({ ok: false, reason: 'accepted' });
	});

	it('refuses someone the policy does not allow to invite', async () => {
		const world = await createInvitationWorld(database.db);
		const { id, token } = await invite(world, 'kept@example.org');
		await expect(
			revokeInvitation(childTeamScope, database.db, world.teacher, world.child, id)
		).rejects.toBeInstanceOf(NotAllowedError);
		expect((await findInvitationByToken(childTeamScope, database.db, token))?.status).toBe(
			'pending'
		);
	});
});

describe('revokeInvitation to an organisation', () => {
	it('stops the link working at once, hides it from the list and records who cancelled it', async () => {
		const world = await createMembersWorld(database.db);
		const email = `cancelled-${world.suffix}@example.org`;
		const { id, token } = await inviteMember(database.db, world, email);
		expect(
			await listOpenInvitations(organisationScope, database.db, world.organisation.id)
		).toHaveLength(1);

		expect(
			await revokeInvitation(organisationScope, database.db, world.admin, world.organisation, id)
		).toEqual({ ok: true, email });
		expect((await findInvitationByToken(organisationScope, database.db, token))?.status).toBe(
			'revoked'
		);
		expect(
			await acceptInvitationWithNewAccount(organisationScope, database.db, token, {
				name: 'Jo Invited',
				password: 'a long and unusual passphrase'
			})
		).toEqual({ ok: false, reason: 'revoked' });
		expect(
			await listOpenInvitations(organisationScope, database.db, world.organisation.id)
		).toEqual([]);
		const members = await database.db
			.select()
			.from(memberships)
			.where(eq(memberships.organisationId, world.organisation.id));
		expect(members).toHaveLength(3);
		const [event] = await database.db
			.select()
			.from(auditEvents)
			.where(
				and(
					eq(auditEvents.action, 'organisationInvitation.revoked'),
					eq(auditEvents.subjectId, world.organisation.id)
				)
			);
		expect(event?.actorId).toBe(world.admin.id);
		expect(
			await revokeInvitation(organisationScope, database.db, world.admin, world.organisation, id)
		).toEqual({ ok: false, reason: 'revoked' });
	});
});
