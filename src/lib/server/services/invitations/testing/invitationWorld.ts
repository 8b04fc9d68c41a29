import type { Database } from '../../../db/client.ts';
import { createLogger } from '../../../logger.ts';
import { createOutboxMailer } from '../../../mail/mailer.ts';
import { loadActor } from '../../../policy.ts';
import {
	addTeamMember,
	createChild,
	createOrganisation,
	createUser,
	type TestUser
} from '../../../testing/factories.ts';
import type { InvitingChild } from '../childTeamScope.ts';
import type { InvitationContext, Inviter } from '../context.ts';

/**
 * A small world for invitation tests: a school, a child in its care, the school's
 * coordinator (who may invite), a class teacher in the child's team (who may not) and
 * a parent who already has an account. Mail goes to the real development outbox.
 */
export interface InvitationWorld {
	context: InvitationContext;
	child: InvitingChild;
	coordinator: Inviter & TestUser;
	teacher: Inviter & TestUser;
	existingParent: TestUser;
}

export async function createInvitationWorld(
	db: Database,
	origin = 'https://coplan.example.org'
): Promise<InvitationWorld> {
	const suffix = crypto.randomUUID().slice(0, 8);
	const organisation = await createOrganisation(db, { name: `Oakfield Primary ${suffix}` });
	const child = await createChild(db, organisation.id);
	const coordinator = await createUser(db, {
		name: 'Priya Shah',
		email: `senco-${suffix}@example.org`,
		membership: { organisationId: organisation.id, role: 'coordinator' }
	});
	const teacher = await createUser(db, {
		name: 'Tom Bennett',
		email: `teacher-${suffix}@example.org`,
		membership: { organisationId: organisation.id, role: 'professional' }
	});
	await addTeamMember(db, child.id, teacher.id, 'class_teacher');
	const existingParent = await createUser(db, {
		name: 'Sarah Thompson',
		email: `sarah-${suffix}@example.org`
	});
	return {
		context: { db, mailer: createOutboxMailer(db, createLogger('silent')), origin },
		child,
		coordinator: { ...coordinator, actor: await loadActor(db, coordinator.id) },
		teacher: { ...teacher, actor: await loadActor(db, teacher.id) },
		existingParent
	};
}
