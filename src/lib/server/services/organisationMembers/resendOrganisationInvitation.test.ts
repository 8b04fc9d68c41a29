import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents } from '../../db/schema.ts';
import { tokenMailedTo } from '../../mail/testing/outbox.ts';
import { findOrganisationInvitationByToken } from './findOrganisationInvitationByToken.ts';
import { resendOrganisationInvitation } from './resendOrganisationInvitation.ts';
import { revokeOrganisationInvitation } from './revokeOrganisationInvitation.ts';
import { createMembersWorld } from './testing/membersWorld.ts';
import { INVITATION_PATH, inviteMember } from './testing/invite.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database.close();
});

describe('resendOrganisationInvitation', () => {
	it('sends a new link for a new 14 days and kills the old one', async () => {
		const world = await createMembersWorld(database.db);
		const email = `resent-${world.suffix}@example.org`;
		const { id, token: oldToken } = await inviteMember(database.db, world, email);
		const later = new Date(Date.now() + 20 * 24 * 3600 * 1000);
		expect((await findOrganisationInvitationByToken(database.db, oldToken, later))?.status).toBe(
			'expired'
		);

		const result = await resendOrganisationInvitation(
			world.context,
			world.admin,
			world.organisation,
			id,
			later
		);
		expect(result).toEqual({ ok: true, email, emailSent: true });
		const newToken = await tokenMailedTo(database.db, email, INVITATION_PATH);
		expect(newToken).not.toBe(oldToken);
		expect(await findOrganisationInvitationByToken(database.db, oldToken, later)).toBeNull();
		expect((await findOrganisationInvitationByToken(database.db, newToken, later))?.status).toBe(
			'pending'
		);
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
			await resendOrganisationInvitation(other.context, other.admin, other.organisation, id)
		).toEqual({ ok: false, reason: 'notFound' });
		await revokeOrganisationInvitation(database.db, world.admin, world.organisation, id);
		expect(
			await resendOrganisationInvitation(world.context, world.admin, world.organisation, id)
		).toEqual({ ok: false, reason: 'revoked' });
		expect(
			await resendOrganisationInvitation(world.context, world.admin, world.organisation, 'x')
		).toEqual({ ok: false, reason: 'notFound' });
	});
});
