import type { Database } from '../../../db/client.ts';
import { children, memberships, organisations, teamMembers, users } from '../../../db/schema.ts';
import { createLogger } from '../../../logger.ts';
import { createOutboxMailer } from '../../../mail/mailer.ts';
import { loadActor } from '../../../policy.ts';
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
	coordinator: Inviter & { id: string; email: string };
	teacher: Inviter & { id: string; email: string };
	existingParent: { id: string; email: string; name: string };
}

async function createUser(db: Database, email: string, name: string): Promise<string> {
	const [user] = await db.insert(users).values({ email, name }).returning({ id: users.id });
	if (!user) throw new Error('user not created');
	return user.id;
}

export async function createInvitationWorld(
	db: Database,
	origin = 'https://coplan.example.org'
): Promise<InvitationWorld> {
	const suffix = crypto.randomUUID().slice(0, 8);
	const [organisation] = await db
		.insert(organisations)
		.values({ name: `Oakfield Primary ${suffix}`, kind: 'school' })
		.returning({ id: organisations.id });
	if (!organisation) throw new Error('organisation not created');
	const [child] = await db
		.insert(children)
		.values({
			organisationId: organisation.id,
			firstName: 'Aaron',
			lastName: 'Thompson',
			dateOfBirth: '2019-03-14',
			setting: 'Oakfield Primary School',
			planType: 'ehcp'
		})
		.returning({
			id: children.id,
			organisationId: children.organisationId,
			firstName: children.firstName,
			preferredName: children.preferredName
		});
	if (!child) throw new Error('child not created');

	const coordinatorEmail = `senco-${suffix}@example.org`;
	const coordinatorId = await createUser(db, coordinatorEmail, 'Priya Shah');
	await db
		.insert(memberships)
		.values({ organisationId: organisation.id, userId: coordinatorId, role: 'coordinator' });

	const teacherEmail = `teacher-${suffix}@example.org`;
	const teacherId = await createUser(db, teacherEmail, 'Tom Bennett');
	await db
		.insert(memberships)
		.values({ organisationId: organisation.id, userId: teacherId, role: 'professional' });
	await db.insert(teamMembers).values({
		childId: child.id,
		userId: teacherId,
		teamRole: 'class_teacher',
		agency: 'Oakfield Primary School'
	});

	const parentEmail = `sarah-${suffix}@example.org`;
	const parentId = await createUser(db, parentEmail, 'Sarah Thompson');

	return {
		context: { db, mailer: createOutboxMailer(db, createLogger('silent')), origin },
		child,
		coordinator: {
			id: coordinatorId,
			email: coordinatorEmail,
			name: 'Priya Shah',
			actor: await loadActor(db, coordinatorId)
		},
		teacher: {
			id: teacherId,
			email: teacherEmail,
			name: 'Tom Bennett',
			actor: await loadActor(db, teacherId)
		},
		existingParent: { id: parentId, email: parentEmail, name: 'Sarah Thompson' }
	};
}
