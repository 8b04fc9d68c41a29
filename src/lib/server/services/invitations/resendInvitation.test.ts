import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashLinkToken } from '../../auth/linkTokens.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, invitations } from '../../db/schema.ts';
import { acceptInvitationAsUser } from './acceptInvitation.ts';
import { NotAllowedError } from './context.ts';
import { createInvitation } from './createInvitation.ts';
import { findInvitationByToken } from './findInvitationByToken.ts';
import { INVITATION_LIFETIME_MS } from './invitationStatus.ts';
import { resendInvitation } from './resendInvitation.ts';
import { revokeInvitation } from './revokeInvitation.ts';
import { createInvitationWorld, type InvitationWorld } from './testing/invitationWorld.ts';
import { tokenMailedTo } from '../../mail/testing/outbox.ts';

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

describe('resendInvitation', () => {
	it('sends a new link with a new expiry; the old link stops working', async () => {
		const world = await createInvitationWorld(database.db);
		const { id, token: oldToken } = await invite(world, 'resend@example.org');
		const resentAt = new Date(start.getTime() + 3 * 24 * 60 * 60 * 1000);
		const result = await resendInvitation(
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

		expect(await findInvitationByToken(database.db, oldToken, resentAt)).toBeNull();
		expect((await findInvitationByToken(database.db, newToken, resentAt))?.status).toBe('pending');
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
		expect((await findInvitationByToken(database.db, token, afterExpiry))?.status).toBe('expired');
		const result = await resendInvitation(
			world.context,
			world.coordinator,
			world.child,
			id,
			afterExpiry
		);
		expect(result.ok).toBe(true);
		const fresh = await tokenMailedTo(database.db, 'late@example.org', '/invitations');
		expect((await findInvitationByToken(database.db, fresh, afterExpiry))?.status).toBe('pending');
	});

	it('will not resend an accepted or a cancelled invitation', async () => {
		const world = await createInvitationWorld(database.db);
		const accepted = await invite(world, world.existingParent.email);
		expect(
			(await acceptInvitationAsUser(database.db, accepted.token, world.existingParent, start)).ok
		).toBe(true);
		expect(
			await resendInvitation(world.context, world.coordinator, world.child, accepted.id, start)
		).toEqual({ ok: false, reason: 'accepted' });

		const cancelled = await invite(world, 'cancelled@example.org');
		await revokeInvitation(database.db, world.coordinator, world.child, cancelled.id, start);
		expect(
			await resendInvitation(world.context, world.coordinator, world.child, cancelled.id, start)
		).toEqual({ ok: false, reason: 'revoked' });
	});

	it("does not find another child's invitation, or an id that is not a UUID", async () => {
		const world = await createInvitationWorld(database.db);
		const other = await createInvitationWorld(database.db);
		const { id } = await invite(other, 'other-child@example.org');
		expect(await resendInvitation(world.context, world.coordinator, world.child, id)).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect(
			await resendInvitation(world.context, world.coordinator, world.child, 'not-a-uuid')
		).toEqual({ ok: false, reason: 'notFound' });
	});

	it('refuses someone the policy does not allow to invite', async () => {
		const world = await createInvitationWorld(database.db);
		const { id } = await invite(world, 'policy@example.org');
		await expect(
			resendInvitation(world.context, world.teacher, world.child, id)
		).rejects.toBeInstanceOf(NotAllowedError);
	});
});
