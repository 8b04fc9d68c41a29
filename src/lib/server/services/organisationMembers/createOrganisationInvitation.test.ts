import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashLinkToken } from '../../auth/linkTokens.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, organisationInvitations } from '../../db/schema.ts';
import { latestMailTo } from '../../mail/testing/outbox.ts';
import { NotAllowedError } from '../invitations/context.ts';
import { createOrganisationInvitation } from './createOrganisationInvitation.ts';
import { createMembersWorld } from './testing/membersWorld.ts';
import { inviteMember } from './testing/invite.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database.close();
});

describe('createOrganisationInvitation', () => {
	it('saves only the token’s hash, emails the link for 14 days and records who invited', async () => {
		const world = await createMembersWorld(database.db);
		const email = `new-${world.suffix}@example.org`;
		const now = new Date('2027-03-01T10:00:00Z');
		const { id, token } = await inviteMember(database.db, world, email, 'coordinator', now);

		const [row] = await database.db
			.select()
			.from(organisationInvitations)
			.where(eq(organisationInvitations.id, id));
		expect(row?.tokenHash).toBe(hashLinkToken(token));
		expect(row?.tokenHash).not.toContain(token);
		expect(row?.role).toBe('coordinator');
		expect(row?.expiresAt.toISOString()).toBe('2027-03-15T10:00:00.000Z');

		const mail = await latestMailTo(database.db, email);
		expect(mail.subject).toBe(
			`Helen Marsh has invited you to join ${world.organisation.name} on Coplan`
		);
		expect(mail.text).toContain(`https://coplan.example.org/organisation/invitations/${token}`);

		const [event] = await database.db
			.select()
			.from(auditEvents)
			.where(
				and(
					eq(auditEvents.action, 'organisationInvitation.created'),
					eq(auditEvents.subjectId, world.organisation.id)
				)
			);
		expect(event?.actorId).toBe(world.admin.id);
		expect(event?.details).toMatchObject({ invitationId: id, email, role: 'coordinator' });
	});

	it('refuses an existing member and a second invitation while one is waiting', async () => {
		const world = await createMembersWorld(database.db);
		const input = (email: string) => ({ name: 'Someone', email, role: 'professional' as const });
		expect(
			await createOrganisationInvitation(
				world.context,
				world.admin,
				world.organisation,
				input(world.professional.email.toUpperCase())
			)
		).toEqual({
			ok: false,
			errors: { email: `Tom Bennett is already a member of ${world.organisation.name}` }
		});
		const email = `twice-${world.suffix}@example.org`;
		await inviteMember(database.db, world, email);
		const again = await createOrganisationInvitation(
			world.context,
			world.admin,
			world.organisation,
			input(email)
		);
		expect(again.ok).toBe(false);
		if (!again.ok) expect(again.errors.email).toContain('already waiting for a reply');
	});

	it('refuses anyone the policy does not allow, such as a coordinator', async () => {
		const world = await createMembersWorld(database.db);
		await expect(
			createOrganisationInvitation(world.context, world.coordinator, world.organisation, {
				name: 'Someone',
				email: `nope-${world.suffix}@example.org`,
				role: 'admin'
			})
		).rejects.toBeInstanceOf(NotAllowedError);
	});
});
