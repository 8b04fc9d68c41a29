import type { Database } from '../../../db/client.ts';
import { createLogger } from '../../../logger.ts';
import { createOutboxMailer, type Mailer } from '../../../mail/mailer.ts';
import {
	addTeamMember,
	createChild,
	createOrganisation,
	createUser,
	type TestChild,
	type TestUser
} from '../../../testing/factories.ts';
import type { ScheduleMeetingContext } from '../scheduleMeeting.ts';

/**
 * A small world for meeting tests: a school, its SENCo (a coordinator, in the team), Aaron,
 * his parent, a SaLT, and an outsider. Mail goes to the real development outbox unless a
 * mailer is given.
 */
export interface MeetingWorld {
	organisationId: string;
	child: TestChild;
	coordinator: TestUser;
	parent: TestUser;
	therapist: TestUser;
	outsider: TestUser;
	context(overrides?: { mailer?: Mailer; now?: Date }): ScheduleMeetingContext;
}

export async function createMeetingWorld(db: Database): Promise<MeetingWorld> {
	const { id: organisationId } = await createOrganisation(db);
	const coordinator = await createUser(db, {
		name: 'Priya Shah',
		membership: { organisationId, role: 'coordinator' }
	});
	const parent = await createUser(db, { name: 'Sarah Jones' });
	const therapist = await createUser(db, { name: 'Sam Okafor' });
	const outsider = await createUser(db, { name: 'Olivia Outsider' });
	const child = await createChild(db, organisationId);
	await addTeamMember(db, child.id, coordinator.id, 'senco');
	await addTeamMember(db, child.id, parent.id, 'parent_carer');
	await addTeamMember(db, child.id, therapist.id, 'salt');
	const logger = createLogger('silent');
	const outbox = createOutboxMailer(db, logger);
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
			logger,
			origin: 'https://coplan.example.org',
			actor: coordinator,
			child,
			now: overrides.now
		})
	};
}
