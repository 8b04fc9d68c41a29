import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashLinkToken } from '../../auth/linkTokens.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, invitations } from '../../db/schema.ts';
import { childTeamScope } from './childTeamScope.ts';
import { acceptInvitationAsUser } from './acceptInvitation.ts';
import { NotAllowedError } from './context.ts';
import { createInvitation } from './createInvitation.ts';
import { findInvitationByToken } from './findInvitationByToken.ts';
import { INVITATION_LIFETIME_MS } from './invitationStatus.ts';
import { resendInvitation } from './resendInvitation.ts';
import { revokeInvitation } from './revokeInvitation.ts';
import { createInvitationWorld, type InvitationWorld } from './testing/invitationWorld.ts';
import { tokenMailedTo } from '../../mail/testing/outbox.ts';
import { organisationScope } from './organisationScope.ts';
import { createMembersWorld } from '../organisationMembers/testing/membersWorld.ts';
import { INVITATION_PATH, inviteMember } from './testing/inviteMember.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database.close();
});

const start = new Date('2026-11-02T09:00:00Z');

async function invite(world: InvitationWorld, email: string, now = start) {
	const result = await createInvitation(
		childTeamScope,
		world.context,
		world.coordinator,
		world.child,
		{ name: 'Invited Person', email, teamRole: 'parent_carer', agency: 'Family' },
		now
	);
	if (!result.ok) throw new Error('not invited');
	return {
		id: result.invitationId,
		token: await tokenMailedTo(database.db, email, '/invitations')
	};
}

describe('resendInvitation to a child’s team', () => {
	it('sends a new link with a new expiry; the old link stops working', async () => {
		const world = await createInvitationWorld(database.db);
		const { id, token: oldToken } = await invite(world, 'resend@example.org');
		const resentAt = new Date(start.getTime() + 3 * 24 * 60 * 60 * 1000);
		const result = await resendInvitation(
			childTeamScope,
			world.context,
			world.coordinator,
			world.child,
			id,
			resentAt
		);
		expect(result).toEqual({ ok: true, email: 'resend@example.org', emailSent: true });

		const newToken = await tokenMailedTo(database.db, 'resend@example.org', '/invitations');
		expect(newToken).not.toBe(oldToken);
		const [row] = await database.db.select().from(invitations).where(eq(invitations.id, id));
		expect(row?.tokenHash).toBe(hashLinkToken(newToken));
		expect(row?.expiresAt.getTime()).toBe(resentAt.getTime() + INVITATION_LIFETIME_MS);
		expect(row?.lastSentAt.getTime()).toBe(resentAt.getTime());

		expect(await findInvitationByToken(childTeamScope, database.db, oldToken, resentAt)).toBeNull();
		expect(
			(await findInvitationByToken(childTeamScope, database.db, newToken, resentAt))?.status
		).toBe('pending');
		const audit = await database.db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(eq(auditEvents.subjectId, world.child.id));
		expect(audit.map((event) => event.action)).toContain('invitation.resent');
	});

	it('revives an expired invitation with a fresh 14 days', async () => {
		const world = await createInvitationWorld(database.db);
		const { id, token } = await invite(world, 'late@example.org');
		const afterExpiry = new Date(start.getTime() + INVITATION_LIFETIME_MS + 1);
		expect(
			(await findInvitationByToken(childTeamScope, database.db, token, afterExpiry))?.status
		).toBe('expired');
		const result = await resendInvitation(
			childTeamScope,
			world.context,
			world.coordinator,
			world.child,
			id,
			afterExpiry
		);
		expect(result.ok).toBe(true);
		const fresh = await tokenMailedTo(database.db, 'late@example.org', '/invitations');
		expect(
			(await findInvitationByToken(childTeamScope, database.db, fresh, afterExpiry))?.status
		).toBe('pending');
	});

	it('will not resend an accepted or a cancelled invitation', async () => {
		const world = await createInvitationWorld(database.db);
		const accepted = await invite(world, world.existingParent.email);
		expect(
			(
				await acceptInvitationAsUser(
					childTeamScope,
					database.db,
					accepted.token,
					world.existingParent,
					start
				)
			).ok
		).toBe(true);
		expect(
			await resendInvitation(
				childTeamScope,
				world.context,
				world.coordinator,
				world.child,
				accepted.id,
				start
			)
		).toEqual({ ok: false, reason: 'accepted' });

		const cancelled = await invite(world, 'cancelled@example.org');
		await revokeInvitation(
			childTeamScope,
			database.db,
			world.coordinator,
			world.child,
			cancelled.id,
			start
		);
		expect(
			await resendInvitation(
				childTeamScope,
				world.context,
				world.coordinator,
				world.child,
				cancelled.id,
				start
			)
		).toEqual({ ok: false, reason: 'revoked' });
	});

	it("does not find another child's invitation, or an id that is not a UUID", async () => {
		const world = await createInvitationWorld(database.db);
		const other = await createInvitationWorld(database.db);
		const { id } = await invite(other, 'other-child@example.org');
		expect(
			await resendInvitation(childTeamScope, world.context, world.coordinator, world.child, id)
		).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect(
			await resendInvitation(
				childTeamScope,
				world.context,
				world.coordinator,
				world.child,
				'not-a-uuid'
			)
		).toEqual({ ok: false, reason: 'notFound' });
	});

	it('refuses someone the policy does not allow to invite', async () => {
		const world = await createInvitationWorld(database.db);
		const { id } = await invite(world, 'policy@example.org');
		await expect(
			resendInvitation(childTeamScope, world.context, world.teacher, world.child, id)
		).rejects.toBeInstanceOf(NotAllowedError);
	});
});

describe('resendInvitation to an organisation', () => {
	it('sends a new link for a new 14 days and kills the old one', async () => {
		const world = await createMembersWorld(database.db);
		const email = `resent-${world.suffix}@example.org`;
		const { id, token: oldToken } = await inviteMember(database.db, world, email);
		const later = new Date(Date.now() + 20 * 24 * 3600 * 1000);
		expect(
			(await findInvitationByToken(organisationScope, database.db, oldToken, later))?.status
		).toBe('expired');

		const result = await resendInvitation(
			organisationScope,
			world.context,
			world.admin,
			world.organisation,
			id,
			later
		);
		expect(result).toEqual({ ok: true, email, emailSent: true });
		const newToken = await tokenMailedTo(database.db, email, INVITATION_PATH);
		expect(newToken).not.toBe(oldToken);
		expect(await findInvitationByToken(organisationScope, database.db, oldToken, later)).toBeNull();
		expect(
			(await findInvitationByToken(organisationScope, database.db, newToken, later))?.status
		).toBe('pending');
		const [event] = await database.db
			.select()
			.from(auditEvents)
			.where(
				and(
					eq(auditEvents.action, 'organisationInvitation.resent'),
					eq(auditEvents.subjectId, world.organisation.id)
				)
			);
		expect(event?.details).toMatchObject({ invitationId: id, wasExpired: true });
	});

	it('will not resend a cancelled invitation, nor one of another organisation', async () => {
		const world = await createMembersWorld(database.db);
		const other = await createMembersWorld(database.db);
		const { id } = await inviteMember(database.db, world, `gone-${world.suffix}@example.org`);
		expect(
			await resendInvitation(organisationScope, other.context, other.admin, other.organisation, id)
		).toEqual({ ok: false, reason: 'notFound' });
		await revokeInvitation(organisationScope, database.db, world.admin, world.organisation, id);
		expect(
			await resendInvitation(organisationScope, world.context, world.admin, world.organisation, id)
		).toEqual({ ok: false, reason: 'revoked' });
		expect(
			await resendInvitation(organisationScope, world.context, world.admin, world.organisation, 'x')
		).toEqual({ ok: false, reason: 'notFound' });
	});
});
