import type { Database } from '../../../db/client.ts';
import { createLogger } from '../../../logger.ts';
import { createOutboxMailer } from '../../../mail/mailer.ts';
import { loadActor } from '../../../policy.ts';
import { createOrganisation, createUser, type TestUser } from '../../../testing/factories.ts';
import type { InvitationContext } from '../../invitations/context.ts';
import type { ManagedOrganisation, MemberManager } from '../context.ts';

/**
 * A small world for membership tests: a school with one admin, a coordinator and a
 * professional, and someone with an account who belongs to no organisation. Every name
 * and address is unique, so tests in one file never see each other's rows.
 */
export interface MembersWorld {
	context: InvitationContext;
	organisation: ManagedOrganisation;
	admin: MemberManager & TestUser;
	coordinator: MemberManager & TestUser;
	professional: TestUser;
	outsider: TestUser;
	suffix: string;
}

export async function createMembersWorld(
	db: Database,
	origin = 'https://coplan.example.org'
): Promise<MembersWorld> {
	const suffix = crypto.randomUUID().slice(0, 8);
	const organisation = await createOrganisation(db, { name: `Oakfield Primary ${suffix}` });
	const member = (name: string, email: string, role: 'admin' | 'coordinator' | 'professional') =>
		createUser(db, { name, email, membership: { organisationId: organisation.id, role } });
	const admin = await member('Helen Marsh', `head-${suffix}@example.org`, 'admin');
	const coordinator = await member('Priya Shah', `senco-${suffix}@example.org`, 'coordinator');
	const professional = await member('Tom Bennett', `teacher-${suffix}@example.org`, 'professional');
	const outsider = await createUser(db, {
		name: 'Sam Okafor',
		email: `salt-${suffix}@example.org`
	});
	return {
		context: { db, mailer: createOutboxMailer(db, createLogger('silent')), origin },
		organisation,
		admin: { ...admin, actor: await loadActor(db, admin.id) },
		coordinator: { ...coordinator, actor: await loadActor(db, coordinator.id) },
		professional,
		outsider,
		suffix
	};
}
