import type { Database } from '../../../db/client.ts';
import { children, memberships, organisations, teamMembers, users } from '../../../db/schema.ts';
import type { MemberRole } from '../../../../shared/domain/roles.ts';
import type { PlanType } from '../../../../shared/domain/planTypes.ts';
import { createLogger } from '../../../logger.ts';
import { createOutboxMailer, type Mailer } from '../../../mail/mailer.ts';
import type { ScheduleMeetingContext } from '../scheduleMeeting.ts';

/**
 * Test data for meetings: an organisation, a child in its care and people around the
 * child. Mail goes to the real development outbox unless a mailer is given.
 */

export interface Person {
	id: string;
	name: string;
	email: string;
}

export const silentLogger = createLogger('silent');

export async function createPerson(
	db: Database,
	name: string,
	membership?: { organisationId: string; role: MemberRole }
): Promise<Person> {
	const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${crypto.randomUUID().slice(0, 8)}@example.org`;
	const [user] = await db.insert(users).values({ email, name }).returning({ id: users.id });
	if (!user) throw new Error('user not created');
	if (membership) await db.insert(memberships).values({ ...membership, userId: user.id });
	return { id: user.id, name, email };
}

export async function createOrganisation(db: Database, name = 'Oakfield Primary School') {
	const [organisation] = await db
		.insert(organisations)
		.values({ name, kind: 'school' })
		.returning({ id: organisations.id });
	if (!organisation) throw new Error('organisation not created');
	return organisation;
}

export interface ChildOptions {
	organisationId: string;
	firstName?: string;
	preferredName?: string | null;
	dateOfBirth?: string;
	planType?: PlanType;
	team?: { person: Person; teamRole: string }[];
}

export async function createChild(db: Database, options: ChildOptions) {
	const [child] = await db
		.insert(children)
		.values({
			organisationId: options.organisationId,
			firstName: options.firstName ?? 'Aaron',
			preferredName: options.preferredName ?? null,
			lastName: 'Thompson',
			dateOfBirth: options.dateOfBirth ?? '2019-03-14',
			setting: 'Oakfield Primary School',
			planType: options.planType ?? 'ehcp'
		})
		.returning({
			id: children.id,
			organisationId: children.organisationId,
			firstName: children.firstName,
			preferredName: children.preferredName
		});
	if (!child) throw new Error('child not created');
	for (const { person, teamRole } of options.team ?? []) {
		await db.insert(teamMembers).values({
			childId: child.id,
			userId: person.id,
			teamRole,
			agency: teamRole === 'parent_carer' ? 'Family' : 'Oakfield Primary School'
		});
	}
	return child;
}

export interface MeetingWorld {
	organisationId: string;
	child: Awaited<ReturnType<typeof createChild>>;
	coordinator: Person;
	parent: Person;
	therapist: Person;
	outsider: Person;
	context(overrides?: { mailer?: Mailer; now?: Date }): ScheduleMeetingContext;
}

/** A school, its SENCo (a coordinator, in the team), Aaron, his parent, a SaLT, an outsider. */
export async function createMeetingWorld(db: Database): Promise<MeetingWorld> {
	const { id: organisationId } = await createOrganisation(db);
	const coordinator = await createPerson(db, 'Priya Shah', {
		organisationId,
		role: 'coordinator'
	});
	const parent = await createPerson(db, 'Sarah Jones');
	const therapist = await createPerson(db, 'Sam Okafor');
	const outsider = await createPerson(db, 'Olivia Outsider');
	const child = await createChild(db, {
		organisationId,
		team: [
			{ person: coordinator, teamRole: 'senco' },
			{ person: parent, teamRole: 'parent_carer' },
			{ person: therapist, teamRole: 'salt' }
		]
	});
	const outbox = createOutboxMailer(db, silentLogger);
	return {
		organisationId,
		child,
		coordinator,
		parent,
		therapist,
		outsider,
		context: (overrides = {}) => ({
			db,
			mailer: overrides.mailer ?? outbox,
			logger: silentLogger,
			origin: 'https://coplan.example.org',
			actor: coordinator,
			child,
			now: overrides.now
		})
	};
}

/** A filled-in "schedule a meeting" form; fields set to undefined are left out. */
export function meetingForm(
	fields: Record<string, string | undefined>,
	invitees: string[] = []
): FormData {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) {
		if (value !== undefined) form.append(key, value);
	}
	for (const id of invitees) form.append('invitees', id);
	return form;
}
