import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/password.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, memberships, users } from '../../db/schema.ts';
import {
	acceptOrganisationInvitationAsUser,
	acceptOrganisationInvitationWithNewAccount
} from './acceptOrganisationInvitation.ts';
import { findOrganisationInvitationByToken } from './findOrganisationInvitationByToken.ts';
import { findMember } from './listMembers.ts';
import { createMembersWorld } from './testing/fixtures.ts';
import { inviteMember } from './testing/invite.ts';

let database: TestDatabase;
const PASSWORD = 'a long and unusual passphrase';

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database.close();
});

describe('acceptOrganisationInvitationWithNewAccount', () => {
	it('creates the account and the membership with the invited role, once', async () => {
		const world = await createMembersWorld(database.db);
		const email = `jo-${world.suffix}@example.org`;
		const { token } = await inviteMember(database.db, world, email, 'coordinator');
		const view = await findOrganisationInvitationByToken(database.db, token);
		expect(view).toMatchObject({
			organisationName: world.organisation.name,
			inviterName: 'Helen Marsh',
			role: 'coordinator',
			status: 'pending',
			accountExists: false
		});

		const result = await acceptOrganisationInvitationWithNewAccount(database.db, token, {
			name: '  Jo Green ',
			password: PASSWORD
		});
		if (!result.ok) throw new Error(`refused: ${result.reason}`);
		expect(result.organisationId).toBe(world.organisation.id);
		const [user] = await database.db.select().from(users).where(eq(users.email, email));
		expect(user?.name).toBe('Jo Green');
		expect(await verifyPassword(user?.passwordHash ?? '', PASSWORD)).toBe(true);
		expect(await verifyPassword(user?.passwordHash ?? '', 'another passphrase')).toBe(false);
		expect(await findMember(database.db, world.organisation.id, result.userId)).toMatchObject({
			role: 'coordinator',
			email
		});
		const [event] = await database.db
			.select()
			.from(auditEvents)
			.where(
				and(
					eq(auditEvents.action, 'organisationInvitation.accepted'),
					eq(auditEvents.subjectId, world.organisation.id)
				)
			);
		expect(event?.actorId).toBe(result.userId);
		expect(event?.details).toMatchObject({ newAccount: true, role: 'coordinator' });

		// The link has done its work.
		expect(
			await acceptOrganisationInvitationWithNewAccount(database.db, token, {
				name: 'Jo Green',
				password: PASSWORD
			})
		).toEqual({ ok: false, reason: 'accepted' });
	});

	it('applies the password policy and refuses an address that already has an account', async () => {
		const world = await createMembersWorld(database.db);
		const fresh = await inviteMember(database.db, world, `weak-${world.suffix}@example.org`);
		const weak = await acceptOrganisationInvitationWithNewAccount(database.db, fresh.token, {
			name: 'Weak',
			password: 'tiny'
		});
		expect(weak).toMatchObject({ ok: false, reason: 'password' });

		const existing = await inviteMember(database.db, world, world.outsider.email);
		expect(
			await acceptOrganisationInvitationWithNewAccount(database.db, existing.token, {
				name: 'Sam',
				password: PASSWORD
			})
		).toEqual({ ok: false, reason: 'accountExists' });
	});

	it('refuses an expired link and a link we never issued', async () => {
		const world = await createMembersWorld(database.db);
		const { token } = await inviteMember(database.db, world, `late-${world.suffix}@example.org`);
		const later = new Date(Date.now() + 15 * 24 * 3600 * 1000);
		expect(
			await acceptOrganisationInvitationWithNewAccount(
				database.db,
				token,
				{ name: 'Late', password: PASSWORD },
				later
			)
		).toEqual({ ok: false, reason: 'expired' });
		expect(
			await acceptOrganisationInvitationWithNewAccount(database.db, 'a'.repeat(32), {
				name: 'Nobody',
				password: PASSWORD
			})
		).toEqual({ ok: false, reason: 'unknown' });
	});
});

describe('acceptOrganisationInvitationAsUser', () => {
	it('adds the membership to an existing account with the invited address', async () => {
		const world = await createMembersWorld(database.db);
		const { token } = await inviteMember(database.db, world, world.outsider.email, 'professional');
		expect((await findOrganisationInvitationByToken(database.db, token))?.accountExists).toBe(true);
		expect(
			await acceptOrganisationInvitationAsUser(database.db, token, {
				id: world.outsider.id,
				email: world.outsider.email.toUpperCase()
			})
		).toEqual({ ok: true, userId: world.outsider.id, organisationId: world.organisation.id });
		expect(await findMember(database.db, world.organisation.id, world.outsider.id)).toMatchObject({
			role: 'professional'
		});
	});

	it('refuses someone signed in with a different address, and leaves the link working', async () => {
		const world = await createMembersWorld(database.db);
		const email = `other-${world.suffix}@example.org`;
		const { token } = await inviteMember(database.db, world, email);
		expect(
			await acceptOrganisationInvitationAsUser(database.db, token, {
				id: world.outsider.id,
				email: world.outsider.email
			})
		).toEqual({ ok: false, reason: 'wrongAccount' });
		expect((await findOrganisationInvitationByToken(database.db, token))?.status).toBe('pending');
		const rows = await database.db
			.select()
			.from(memberships)
			.where(eq(memberships.userId, world.outsider.id));
		expect(rows).toEqual([]);
	});
});
