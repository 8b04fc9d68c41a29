import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashLinkToken } from '../../auth/linkTokens.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, devOutbox, invitations, organisationInvitations } from '../../db/schema.ts';
import { createLogger } from '../../logger.ts';
import { createSmtpMailer } from '../../mail/mailer.ts';
import { startSmtpTestServer, type SmtpTestServer } from '../../mail/testing/smtpTestServer.ts';
import { childTeamScope } from './childTeamScope.ts';
import { NotAllowedError } from './context.ts';
import { createInvitation } from './createInvitation.ts';
import { INVITATION_LIFETIME_MS } from './invitationStatus.ts';
import { createInvitationWorld } from './testing/invitationWorld.ts';
import { latestMailTo, tokenMailedTo } from '../../mail/testing/outbox.ts';
import { organisationScope } from './organisationScope.ts';
import { createMembersWorld } from '../organisationMembers/testing/membersWorld.ts';
import { inviteMember } from './testing/inviteMember.ts';

let database: TestDatabase;
let smtp: SmtpTestServer;

beforeAll(async () => {
	database = await createTestDatabase();
	smtp = await startSmtpTestServer({ refuseRecipients: ['bounce@example.org'] });
});

afterAll(async () => {
	await smtp.stop();
	await database.close();
});

const parent = (email: string) => ({
	name: 'Emma Jones',
	email,
	teamRole: 'parent_carer' as const,
	agency: 'Family'
});

describe('createInvitation to a child’s team', () => {
	it('saves the invitation with only the token hash and emails the link', async () => {
		const world = await createInvitationWorld(database.db);
		const now = new Date('2026-11-02T09:00:00Z');
		const result = await createInvitation(
			childTeamScope,
			world.context,
			world.coordinator,
			world.child,
			parent('Emma@Example.org'),
			now
		);
		expect(result).toMatchObject({ ok: true, emailSent: true });
		if (!result.ok) return;

		const mail = await latestMailTo(database.db, 'emma@example.org');
		expect(mail.subject).toBe("Priya Shah has invited you to join Aaron's team on Coplan");
		expect(mail.text).toContain('https://coplan.example.org/invitations/');
		expect(mail.text).not.toContain('Thompson');
		const token = await tokenMailedTo(database.db, 'emma@example.org', '/invitations');

		const [row] = await database.db
			.select()
			.from(invitations)
			.where(eq(invitations.id, result.invitationId));
		expect(row).toMatchObject({
			childId: world.child.id,
			email: 'emma@example.org',
			name: 'Emma Jones',
			teamRole: 'parent_carer',
			agency: 'Family',
			invitedBy: world.coordinator.id,
			tokenHash: hashLinkToken(token),
			acceptedAt: null,
			revokedAt: null
		});
		expect(row?.expiresAt.getTime()).toBe(now.getTime() + INVITATION_LIFETIME_MS);
		const everything = JSON.stringify(await database.db.select().from(invitations));
		expect(everything).not.toContain(token);

		const audit = await database.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.subjectId, world.child.id));
		expect(audit).toContainEqual(
			expect.objectContaining({
				actorId: world.coordinator.id,
				action: 'invitation.created',
				subjectType: 'child',
				details: expect.objectContaining({ invitationId: result.invitationId })
			})
		);
	});

	it('refuses someone the policy does not allow to invite, and saves nothing', async () => {
		const world = await createInvitationWorld(database.db);
		const before = await database.db.select().from(devOutbox);
		await expect(
			createInvitation(
				childTeamScope,
				world.context,
				world.teacher,
				world.child,
				parent('nope@example.org')
			)
		).rejects.toBeInstanceOf(NotAllowedError);
		const saved = await database.db
			.select()
			.from(invitations)
			.where(eq(invitations.childId, world.child.id));
		expect(saved).toEqual([]);
		expect(await database.db.select().from(devOutbox)).toHaveLength(before.length);
	});

	it('refuses to invite someone already in the team', async () => {
		const world = await createInvitationWorld(database.db);
		const result = await createInvitation(
			childTeamScope,
			world.context,
			world.coordinator,
			world.child,
			{
				...parent(world.teacher.email.toUpperCase()),
				teamRole: 'class_teacher'
			}
		);
		expect(result).toEqual({
			ok: false,
			errors: { email: "Tom Bennett is already in Aaron's team" }
		});
	});

	it('refuses a second invitation while one is waiting, but not once it has expired', async () => {
		const world = await createInvitationWorld(database.db);
		const now = new Date('2026-11-02T09:00:00Z');
		const email = 'twice@example.org';
		await createInvitation(
			childTeamScope,
			world.context,
			world.coordinator,
			world.child,
			parent(email),
			now
		);
		const again = await createInvitation(
			childTeamScope,
			world.context,
			world.coordinator,
			world.child,
			parent(email),
			new Date(now.getTime() + 60_000)
		);
		expect(again.ok).toBe(false);
		expect(!again.ok && again.errors.email).toMatch(/already waiting for a reply/);
		const afterExpiry = await createInvitation(
			childTeamScope,
			world.context,
			world.coordinator,
			world.child,
			parent(email),
			new Date(now.getTime() + INVITATION_LIFETIME_MS)
		);
		expect(afterExpiry.ok).toBe(true);
	});

	it('keeps the invitation and reports it when the email cannot be sent', async () => {
		const world = await createInvitationWorld(database.db);
		const context = {
			...world.context,
			mailer: createSmtpMailer(smtp.url),
			logger: createLogger('silent')
		};
		const result = await createInvitation(
			childTeamScope,
			context,
			world.coordinator,
			world.child,
			parent('bounce@example.org')
		);
		expect(result).toMatchObject({ ok: true, emailSent: false });
		const saved = await database.db
			.select()
			.from(invitations)
			.where(eq(invitations.childId, world.child.id));
		expect(saved.map((row) => row.email)).toEqual(['bounce@example.org']);
	});

	it('delivers the invitation over SMTP when a mail server is configured', async () => {
		const world = await createInvitationWorld(database.db);
		const context = { ...world.context, mailer: createSmtpMailer(smtp.url) };
		const result = await createInvitation(
			childTeamScope,
			context,
			world.coordinator,
			world.child,
			parent('smtp.parent@example.org')
		);
		expect(result).toMatchObject({ ok: true, emailSent: true });
		const mail = await smtp.nextMail();
		expect(mail.to).toEqual(['smtp.parent@example.org']);
		expect(mail.data).toMatch(/invitations\/[a-z2-7]{32}/);
	});
});

describe('createInvitation to an organisation', () => {
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
			await createInvitation(
				organisationScope,
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
		const again = await createInvitation(
			organisationScope,
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
			createInvitation(organisationScope, world.context, world.coordinator, world.organisation, {
				name: 'Someone',
				email: `nope-${world.suffix}@example.org`,
				role: 'admin'
			})
		).rejects.toBeInstanceOf(NotAllowedError);
	});
});
