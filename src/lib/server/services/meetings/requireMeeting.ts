import { error } from '@sveltejs/kit';
import { authorise, requireActor } from '../../auth/guards.ts';
import type { Action, Actor } from '../../policy.ts';
import { recordRead, type ReadingRequest } from '../audit/recordRead.ts';
import {
	findMeeting,
	meetingResource,
	type MeetingRecord,
	type MeetingResource
} from './findMeeting.ts';

export interface MeetingAccess {
	actor: Actor;
	meeting: MeetingRecord;
	resource: MeetingResource;
}

/**
 * For routes under /meetings/[meetingId]: the signed-in actor and the meeting, once the
 * policy allows the action. Unknown, malformed and deleted ids, and meetings the actor may
 * not see, all answer 404 alike. A page or file that is read (GET) is recorded in the
 * audit trail as a read of the child's record.
 */
export async function requireMeeting(
	event: ReadingRequest & { locals: App.Locals; params: { meetingId?: string } },
	action: Action = 'meeting.view'
): Promise<MeetingAccess> {
	const actor = await requireActor(event);
	const meeting = await findMeeting(event.locals.db, event.params.meetingId ?? '');
	if (!meeting) error(404, 'Not found');
	const resource = meetingResource(meeting);
	authorise(actor, action, resource);
	await recordRead(event, {
		actorId: actor.id,
		childId: meeting.childId,
		organisationId: meeting.organisationId
	});
	return { actor, meeting, resource };
}
