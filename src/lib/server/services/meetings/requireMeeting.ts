import { error } from '@sveltejs/kit';
import { authorise, requireActor } from '../../auth/guards.ts';
import type { Action, Actor } from '../../policy.ts';
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
 * not see, all answer 404 alike.
 */
export async function requireMeeting(
	event: { locals: App.Locals; url: URL; params: { meetingId?: string } },
	action: Action = 'meeting.view'
): Promise<MeetingAccess> {
	const actor = await requireActor(event);
	const meeting = await findMeeting(event.locals.db, event.params.meetingId ?? '');
	if (!meeting) error(404, 'Not found');
	const resource = meetingResource(meeting);
	authorise(actor, action, resource);
	return { actor, meeting, resource };
}
