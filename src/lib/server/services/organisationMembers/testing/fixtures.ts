import type { Database } from '../../../db/client.ts';
import { memberships, organisations, users } from '../../../db/schema.ts';
import type { MemberRole } from '../../../../shared/domain/roles.ts';
import { createLogger } from '../../../logger.ts';
import { createOutboxMailer } from '../../../mail/mailer.ts';
import { loadActor } from '../../../policy.ts';
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
	admin: MemberManager & { id: string; email: string };
	coordinator: MemberManager & { id: string; email: string };
	professional: { id: string; email: string };
	outsider: { id: string; email: string };
	suffix: string;
}

async function createUser(db: Database, email: string, name: string): Promise<string> {
	const [user] = await db.insert(users).values({ email, name }).returning({ id: users.id });
	if (!user) throw new Error('user not created');
	return user.id;
}

async function member(
	db: Database,
	organisationId: string,
	email: string,
	name: string,
	role: MemberRole
): Promise<string> {
	const id = await createUser(db, email, name);
	await db.insert(memberships).values({ organisationId, userId: id, role });
	return id;
}

export async function createMembersWorld(
	db: Database,
	origin = 'https://coplan.example.org'
): Promise<MembersWorld> {
	const suffix = crypto.randomUUID().slice(0, 8);
	const name = `Oakfield Primary ${suffix}`;
	const [organisation] = await db
		.insert(organisations)
		.values({ name, kind: 'school' })
		.returning({ id: organisations.id });
	if (!organisation) throw new Error('organisation not created');
	const adminEmail = `head-${suffix}@example.org`;
	const adminId = await member(db, organisation.id, adminEmail, 'Helen Marsh', 'admin');
	const coordinatorEmail = `senco-${suffix}@example.org`;
	const coordinatorId = await member(
		db,
		organisation.id,
		coordinatorEmail,
		'Priya Shah',
		'coordinator'
	);
	const professionalEmail = `teacher-${suffix}@example.org`;
	const professionalId = await member(
		db,
		organisation.id,
		professionalEmail,
		'Tom Bennett',
		'professional'
	);
	const outsiderEmail = `salt-${suffix}@example.org`;
	const outsiderId = await createUser(db, outsiderEmail, 'Sam Okafor');
	return {
		context: { db, mailer: createOutboxMailer(db, createLogger('silent')), origin },
		organisation: { id: organisation.id, name },
		admin: {
			id: adminId,
			email: adminEmail,
			name: 'Helen Marsh',
			actor: await loadActor(db, adminId)
		},
		coordinator: {
			id: coordinatorId,
			email: coordinatorEmail,
			name: 'Priya Shah',
			actor: await loadActor(db, coordinatorId)
		},
		professional: { id: professionalId, email: professionalEmail },
		outsider: { id: outsiderId, email: outsiderEmail },
		suffix
	};
}
