import { can, type Actor } from '../../policy.ts';
import type { MeetingResource } from './findMeeting.ts';

/**
 * What a meeting's pages offer the actor, from the policy and the state of the meeting.
 * Whatever a page offers, the action behind it checks again (requireMeeting, and the
 * services' own refusals).
 */

export interface MeetingPagePermissions {
	respond: boolean;
	trackDeadlines: boolean;
	delete: boolean;
	/** Make the child's own link to give their views before the meeting. */
	childVoiceLinks: boolean;
}

/**
 * The meeting page. The policy lets the child's team reply, but only invitees may, and a
 * closed meeting takes no more replies (responses.ts refuses both).
 */
export function meetingPagePermissions(
	actor: Actor,
	resource: MeetingResource,
	invited: boolean
): MeetingPagePermissions {
	return {
		respond: invited && !resource.closed && can(actor, 'meeting.respond', resource),
		trackDeadlines: can(actor, 'meeting.trackDeadlines', resource),
		delete: can(actor, 'meeting.delete', resource),
		childVoiceLinks: can(actor, 'meeting.childVoiceLinks', resource)
	};
}

export interface LiveMeetingPermissions {
	/** May write whenever the meeting is open. */
	collaborate: boolean;
	chair: boolean;
	viewRestricted: boolean;
}

/**
 * The live meeting. `collaborate` is asked as if the meeting were open: the collaboration
 * server says when it closes or reopens, and the page follows without a reload.
 */
export function liveMeetingPermissions(
	actor: Actor,
	resource: MeetingResource
): LiveMeetingPermissions {
	return {
		collaborate: can(actor, 'meeting.collaborate', { ...resource, closed: false }),
		chair: can(actor, 'meeting.chair', resource),
		viewRestricted: can(actor, 'meeting.viewRestricted', resource)
	};
}
