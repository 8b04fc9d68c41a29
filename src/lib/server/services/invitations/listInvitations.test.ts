import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { childTeamScope } from './childTeamScope.ts';
import { acceptInvitationWithNewAccount } from './acceptInvitation.ts';
import { createInvitation } from './createInvitation.ts';
import { INVITATION_LIFETIME_MS } from './invitationStatus.ts';
import { listInvitations } from './listInvitations.ts';
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

const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2026-11-02T09:00:00Z');
const at = (days: number) => new Date(start.getTime() + days * DAY);

async function invite(world: InvitationWorld, email: string, now: Date) {
	const result = await createInvitation(
		childTeamScope,
		world.context,
		world.coordinator,
		world.child,
		{ name: email.split('@')[0] ?? email, email, teamRole: 'parent_carer', agency: 'Family' },
		now
	);
	if (!result.ok) throw new Error('not invited');
	return {
		id: result.invitationId,
		token: await tokenMailedTo(database.db, email, '/invitations')
	};
}

describe('an invitation from start to finish', () => {
	it('create → resend (old link dead) → accept, with every status listed', async () => {
		const world = await createInvitationWorld(database.db);
		const first = await invite(world, 'accepts@example.org', at(0));
		await invite(world, 'expires@example.org', at(1));
		const cancelled = await invite(world, 'cancelled@example.org', at(2));
		await invite(world, 'waiting@example.org', at(10));

		await resendInvitation(
			childTeamScope,
			world.context,
			world.coordinator,
			world.child,
			first.id,
			at(5)
		);
		const resentToken = await tokenMailedTo(database.db, 'accepts@example.org', '/invitations');
		const password = { name: 'Accepting Parent', password: 'a kind friend to everyone' };
		expect(
			await acceptInvitationWithNewAccount(
				childTeamScope,
				database.db,
				first.token,
				password,
				at(6)
			)
		).toEqual({
			ok: false,
			reason: 'unknown'
		});
		const accepted = await acceptInvitationWithNewAccount(
			childTeamScope,
			database.db,
			resentToken,
			password,
			at(6)
		);
		expect(accepted.ok).toBe(true);
		await revokeInvitation(
			childTeamScope,
			database.db,
			world.coordinator,
			world.child,
			cancelled.id,
			at(7)
		);

		const listed = await listInvitations(childTeamScope, database.db, world.child.id, at(1 + 14));
		expect(listed.map((invitation) => [invitation.email, invitation.status])).toEqual([
			['waiting@example.org', 'pending'],
			['cancelled@example.org', 'revoked'],
			['expires@example.org', 'expired'],
			['accepts@example.org', 'accepted']
		]);
		const acceptedRow = listed.find((invitation) => invitation.email === 'accepts@example.org');
		expect(acceptedRow).toMatchObject({
			invitedByName: 'Priya Shah',
			teamRole: 'parent_carer',
			agency: 'Family',
			lastSentAt: at(5),
			expiresAt: new Date(at(5).getTime() + INVITATION_LIFETIME_MS)
		});
		expect(acceptedRow?.acceptedAt).toEqual(at(6));
	});

	it("lists only the child's own invitations", async () => {
		const world = await createInvitationWorld(database.db);
		const other = await createInvitationWorld(database.db);
		const mine = await invite(world, 'mine@example.org', new Date());
		await invite(other, 'theirs@example.org', new Date());
		const listed = await listInvitations(childTeamScope, database.db, world.child.id);
		expect(listed.map((invitation) => invitation.id)).toEqual([mine.id]);
	});
});
