import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, memberships } from '../../db/schema.ts';
import { acceptOrganisationInvitationWithNewAccount } from './acceptOrganisationInvitation.ts';
import { findOrganisationInvitationByToken } from './findOrganisationInvitationByToken.ts';
import { listOpenOrganisationInvitations } from './listMembers.ts';
import { revokeOrganisationInvitation } from './revokeOrganisationInvitation.ts';
import { createMembersWorld } from './testing/membersWorld.ts';
import { inviteMember } from './testing/invite.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database.close();
});

describe('revokeOrganisationInvitation', () => {
	it('stops the link working at once, hides it from the list and records who cancelled it', async () => {
		const world = await createMembersWorld(database.db);
		const email = `cancelled-${world.suffix}@example.org`;
		const { id, token } = await inviteMember(database.db, world, email);
		expect(await listOpenOrganisationInvitations(database.db, world.organisation.id)).toHaveLength(
			1
		);

		expect(
			await revokeOrganisationInvitation(database.db, world.admin, world.organisation, id)
		).toEqual({ ok: true, email });
		expect((await findOrganisationInvitationByToken(database.db, token))?.status).toBe('revoked');
		expect(
			await acceptOrganisationInvitationWithNewAccount(database.db, token, {
				name: 'Jo Invited',
				password: 'a long and unusual passphrase'
			})
		).toEqual({ ok: false, reason: 'revoked' });
		expect(await listOpenOrganisationInvitations(database.db, world.organisation.id)).toEqual([]);
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
			await revokeOrganisationInvitation(database.db, world.admin, world.organisation, id)
		).toEqual({ ok: false, reason: 'revoked' });
	});
});
