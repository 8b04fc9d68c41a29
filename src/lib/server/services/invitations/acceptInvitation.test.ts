import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/password.ts';
import { PASSWORD_MESSAGES } from '../../auth/passwordPolicy.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, invitations, memberships, teamMembers, users } from '../../db/schema.ts';
import { childTeamScope } from './childTeamScope.ts';
import {
	acceptInvitationAsUser,
	acceptInvitationWithNewAccount,
	isInvitedAddress
} from './acceptInvitation.ts';
import { createInvitation } from './createInvitation.ts';
import { findInvitationByToken } from './findInvitationByToken.ts';
import { INVITATION_LIFETIME_MS } from './invitationStatus.ts';
import type { InvitationInput } from './invitationForm.ts';
import { addTeamMember } from '../../testing/factories.ts';
import { createInvitationWorld, type InvitationWorld } from './testing/invitationWorld.ts';
import { tokenMailedTo } from '../../mail/testing/outbox.ts';
import { organisationScope } from './organisationScope.ts';
import { findMember } from '../organisationMembers/listMembers.ts';
import { createMembersWorld } from '../organisationMembers/testing/membersWorld.ts';
import { inviteMember } from './testing/inviteMember.ts';

const MEMBER_PASSWORD = 'a long and unusual passphrase';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database.close();
});

const PASSWORD = 'trains and drawing on Tuesdays';

async function invite(
	world: InvitationWorld,
	email: string,
	invitee: Partial<InvitationInput> = {},
	now = new Date()
) {
	const result = await createInvitation(
		childTeamScope,
		world.context,
		world.coordinator,
		world.child,
		{ name: 'Emma Jones', email, teamRole: 'parent_carer', agency: 'Family', ...invitee },
		now
	);
	if (!result.ok) throw new Error('not invited');
	return {
		id: result.invitationId,
		token: await tokenMailedTo(database.db, email, '/invitations')
	};
}

async function teamOf(childId: string) {
	return database.db
		.select({
			userId: teamMembers.userId,
			teamRole: teamMembers.teamRole,
			agency: teamMembers.agency
		})
		.from(teamMembers)
		.where(eq(teamMembers.childId, childId));
}

describe('accepting a team invitation with a new account', () => {
	it('creates the account, joins the team with the invited role, and uses the link up', async () => {
		const world = await createInvitationWorld(database.db);
		const { id, token } = await invite(world, 'new.parent@example.org');
		const view = await findInvitationByToken(childTeamScope, database.db, token);
		expect(view).toMatchObject({
			targetName: 'Aaron',
			email: 'new.parent@example.org',
			inviterName: 'Priya Shah',
			status: 'pending',
			accountExists: false
		});

		const result = await acceptInvitationWithNewAccount(childTeamScope, database.db, token, {
			name: ' Emma Jones ',
			password: PASSWORD
		});
		expect(result).toMatchObject({ ok: true, targetId: world.child.id });
		if (!result.ok) return;

		const [user] = await database.db.select().from(users).where(eq(users.id, result.userId));
		expect(user).toMatchObject({ email: 'new.parent@example.org', name: 'Emma Jones' });
		expect(await verifyPassword(user?.passwordHash ?? '', PASSWORD)).toBe(true);
		expect(await teamOf(world.child.id)).toContainEqual({
			userId: result.userId,
			teamRole: 'parent_carer',
			agency: 'Family'
		});
		// Families are never organisation members.
		expect(
			await database.db.select().from(memberships).where(eq(memberships.userId, result.userId))
		).toEqual([]);
		const [row] = await database.db.select().from(invitations).where(eq(invitations.id, id));
		expect(row?.acceptedBy).toBe(result.userId);
		expect(row?.acceptedAt).toBeInstanceOf(Date);
		const [event] = await database.db
			.select()
			.from(auditEvents)
			.where(
				and(eq(auditEvents.action, 'invitation.accepted'), eq(auditEvents.actorId, result.userId))
			);
		expect(event?.details).toMatchObject({ invitationId: id, newAccount: true });

		// The link works once.
		expect(
			await acceptInvitationWithNewAccount(childTeamScope, database.db, token, {
				name: 'Someone',
				password: PASSWORD
			})
		).toEqual({ ok: false, reason: 'accepted' });
		expect(
			await acceptInvitationAsUser(childTeamScope, database.db, token, {
				id: result.userId,
				email: 'new.parent@example.org'
			})
		).toEqual({
			ok: false,
			reason: 'accepted'
		});
	});

	it('applies the password policy and changes nothing when the password is refused', async () => {
		const world = await createInvitationWorld(database.db);
		const { token } = await invite(world, 'weak@example.org');
		expect(
			await acceptInvitationWithNewAccount(childTeamScope, database.db, token, {
				name: 'Weak',
				password: 'password1'
			})
		).toEqual({ ok: false, reason: 'password', message: PASSWORD_MESSAGES.common });
		expect(
			await acceptInvitationWithNewAccount(childTeamScope, database.db, token, {
				name: 'Weak',
				password: 'weak@example.org'
			})
		).toEqual({ ok: false, reason: 'password', message: PASSWORD_MESSAGES.sameAsEmail });
		expect(
			await database.db.select().from(users).where(eq(users.email, 'weak@example.org'))
		).toEqual([]);
		expect((await findInvitationByToken(childTeamScope, database.db, token))?.status).toBe(
			'pending'
		);
	});

	it('sends someone who already has an account to sign in instead', async () => {
		const world = await createInvitationWorld(database.db);
		const { token } = await invite(world, world.existingParent.email);
		expect((await findInvitationByToken(childTeamScope, database.db, token))?.accountExists).toBe(
			true
		);
		expect(
			await acceptInvitationWithNewAccount(childTeamScope, database.db, token, {
				name: 'Sarah',
				password: PASSWORD
			})
		).toEqual({ ok: false, reason: 'accountExists' });
	});

	it('refuses an expired link', async () => {
		const world = await createInvitationWorld(database.db);
		const sentAt = new Date('2026-11-02T09:00:00Z');
		const { token } = await invite(world, 'expired@example.org', {}, sentAt);
		const atExpiry = new Date(sentAt.getTime() + INVITATION_LIFETIME_MS);
		expect(
			(await findInvitationByToken(childTeamScope, database.db, token, atExpiry))?.status
		).toBe('expired');
		expect(
			await acceptInvitationWithNewAccount(
				childTeamScope,
				database.db,
				token,
				{ name: 'Late', password: PASSWORD },
				atExpiry
			)
		).toEqual({ ok: false, reason: 'expired' });
	});

	it('treats unknown and malformed tokens as unknown', async () => {
		expect(
			await acceptInvitationWithNewAccount(childTeamScope, database.db, 'b'.repeat(32), {
				name: 'X',
				password: PASSWORD
			})
		).toEqual({ ok: false, reason: 'unknown' });
		expect(await findInvitationByToken(childTeamScope, database.db, '../../etc/passwd')).toBeNull();
	});
});

describe('accepting a team invitation as a signed-in user', () => {
	it('attaches the team to the existing account', async () => {
		const world = await createInvitationWorld(database.db);
		const { id, token } = await invite(world, world.existingParent.email);
		const result = await acceptInvitationAsUser(childTeamScope, database.db, token, {
			id: world.existingParent.id,
			email: world.existingParent.email.toUpperCase()
		});
		expect(result).toEqual({
			ok: true,
			userId: world.existingParent.id,
			targetId: world.child.id,
			invitationId: id
		});
		expect(await teamOf(world.child.id)).toContainEqual({
			userId: world.existingParent.id,
			teamRole: 'parent_carer',
			agency: 'Family'
		});
	});

	it('refuses someone signed in with another email, leaving the invitation waiting', async () => {
		const world = await createInvitationWorld(database.db);
		const { token } = await invite(world, 'someone.else@example.org');
		expect(
			await acceptInvitationAsUser(childTeamScope, database.db, token, {
				id: world.coordinator.id,
				email: world.coordinator.email
			})
		).toEqual({ ok: false, reason: 'wrongAccount' });
		expect((await findInvitationByToken(childTeamScope, database.db, token))?.status).toBe(
			'pending'
		);
		expect((await teamOf(world.child.id)).map((member) => member.userId)).not.toContain(
			world.coordinator.id
		);
	});

	it('never changes the role of someone who is already in the team', async () => {
		const world = await createInvitationWorld(database.db);
		const { token } = await invite(world, world.existingParent.email, {
			teamRole: 'senco',
			agency: 'Oakfield Primary School'
		});
		await addTeamMember(database.db, world.child.id, world.existingParent.id, 'parent_carer');
		expect(
			(await acceptInvitationAsUser(childTeamScope, database.db, token, world.existingParent)).ok
		).toBe(true);
		expect(await teamOf(world.child.id)).toContainEqual({
			userId: world.existingParent.id,
			teamRole: 'parent_carer',
			agency: 'Family'
		});
	});

	it('lets only one of two simultaneous acceptances through', async () => {
		const world = await createInvitationWorld(database.db);
		const { token } = await invite(world, world.existingParent.email);
		const results = await Promise.all([
			acceptInvitationAsUser(childTeamScope, database.db, token, world.existingParent),
			acceptInvitationAsUser(childTeamScope, database.db, token, world.existingParent)
		]);
		expect(results.filter((result) => result.ok)).toHaveLength(1);
		expect(results.find((result) => !result.ok)).toEqual({ ok: false, reason: 'accepted' });
	});
});

describe('accepting an organisation invitation with a new account', () => {
	it('creates the account and the membership with the invited role, once', async () => {
		const world = await createMembersWorld(database.db);
		const email = `jo-${world.suffix}@example.org`;
		const { token } = await inviteMember(database.db, world, email, 'coordinator');
		const view = await findInvitationByToken(organisationScope, database.db, token);
		expect(view).toMatchObject({
			targetName: world.organisation.name,
			inviterName: 'Helen Marsh',
			details: { role: 'coordinator' },
			status: 'pending',
			accountExists: false
		});

		const result = await acceptInvitationWithNewAccount(organisationScope, database.db, token, {
			name: '  Jo Green ',
			password: MEMBER_PASSWORD
		});
		if (!result.ok) throw new Error(`refused: ${result.reason}`);
		expect(result.targetId).toBe(world.organisation.id);
		const [user] = await database.db.select().from(users).where(eq(users.email, email));
		expect(user?.name).toBe('Jo Green');
		expect(await verifyPassword(user?.passwordHash ?? '', MEMBER_PASSWORD)).toBe(true);
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
			await acceptInvitationWithNewAccount(organisationScope, database.db, token, {
				name: 'Jo Green',
				password: MEMBER_PASSWORD
			})
		).toEqual({ ok: false, reason: 'accepted' });
	});

	it('applies the password policy and refuses an address that already has an account', async () => {
		const world = await createMembersWorld(database.db);
		const fresh = await inviteMember(database.db, world, `weak-${world.suffix}@example.org`);
		const weak = await acceptInvitationWithNewAccount(organisationScope, database.db, fresh.token, {
			name: 'Weak',
			password: 'tiny'
		});
		expect(weak).toMatchObject({ ok: false, reason: 'password' });

		const existing = await inviteMember(database.db, world, world.outsider.email);
		expect(
			await acceptInvitationWithNewAccount(organisationScope, database.db, existing.token, {
				name: 'Sam',
				password: MEMBER_PASSWORD
			})
		).toEqual({ ok: false, reason: 'accountExists' });
	});

	it('refuses an expired link and a link we never issued', async () => {
		const world = await createMembersWorld(database.db);
		const { token } = await inviteMember(database.db, world, `late-${world.suffix}@example.org`);
		const later = new Date(Date.now() + 15 * 24 * 3600 * 1000);
		expect(
			await acceptInvitationWithNewAccount(
				organisationScope,
				database.db,
				token,
				{ name: 'Late', password: MEMBER_PASSWORD },
				later
			)
		).toEqual({ ok: false, reason: 'expired' });
		expect(
			await acceptInvitationWithNewAccount(organisationScope, database.db, 'a'.repeat(32), {
				name: 'Nobody',
				password: MEMBER_PASSWORD
			})
		).toEqual({ ok: false, reason: 'unknown' });
	});
});

describe('accepting an organisation invitation as a signed-in user', () => {
	it('adds the membership to an existing account with the invited address', async () => {
		const world = await createMembersWorld(database.db);
		const { id, token } = await inviteMember(
			database.db,
			world,
			world.outsider.email,
			'professional'
		);
		expect(
			(await findInvitationByToken(organisationScope, database.db, token))?.accountExists
		).toBe(true);
		expect(
			await acceptInvitationAsUser(organisationScope, database.db, token, {
				id: world.outsider.id,
				email: world.outsider.email.toUpperCase()
			})
		).toEqual({
			ok: true,
			userId: world.outsider.id,
			targetId: world.organisation.id,
			invitationId: id
		});
		expect(await findMember(database.db, world.organisation.id, world.outsider.id)).toMatchObject({
			role: 'professional'
		});
	});

	it('refuses someone signed in with a different address, and leaves the link working', async () => {
		const world = await createMembersWorld(database.db);
		const email = `other-${world.suffix}@example.org`;
		const { token } = await inviteMember(database.db, world, email);
		expect(
			await acceptInvitationAsUser(organisationScope, database.db, token, {
				id: world.outsider.id,
				email: world.outsider.email
			})
		).toEqual({ ok: false, reason: 'wrongAccount' });
		expect((await findInvitationByToken(organisationScope, database.db, token))?.status).toBe(
			'pending'
		);
		const rows = await database.db
			.select()
			.from(memberships)
			.where(eq(memberships.userId, world.outsider.id));
		expect(rows).toEqual([]);
	});
});

describe('isInvitedAddress', () => {
	it('matches the invited address whatever its case or surrounding spaces', () => {
		expect(isInvitedAddress('Sarah.Thompson@Example.org ', 'sarah.thompson@example.org')).toBe(
			true
		);
	});

	it('does not match another address', () => {
		expect(isInvitedAddress('sarah@example.org', 'sarah.thompson@example.org')).toBe(false);
	});
});
