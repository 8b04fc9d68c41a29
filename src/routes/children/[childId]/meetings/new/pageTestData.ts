import { DURATION_OPTIONS, initialMeetingForm } from '$lib/server/services/meetings/meetingForm.ts';
import { MEETING_TYPES, type MeetingType } from '$lib/shared/domain/meetingTypes.ts';
import type { PageData } from './$types';

/**
 * For the page's tests: Aaron's team (a parent, the SENCo and a speech and language
 * therapist: no LA caseworker and no social worker) and the data the load would give.
 */
export const AARON_TEAM = [
	{ userId: 'u1', name: 'Sarah Thompson', teamRole: 'parent_carer', agency: 'Family' },
	{ userId: 'u2', name: 'Priya Shah', teamRole: 'senco', agency: 'Oakfield Primary School' },
	{ userId: 'u3', name: 'Sam Okafor', teamRole: 'salt', agency: 'Northshire Health' }
];

export function pageDataFor(type: MeetingType | null): PageData {
	return {
		user: { name: 'Priya Shah' },
		outboxShown: false,
		child: { id: 'c1', name: 'Aaron' },
		team: AARON_TEAM,
		canInvite: true,
		meetingTypes: MEETING_TYPES,
		durations: DURATION_OPTIONS,
		transfers: [],
		type,
		typeError: null,
		initial: type ? initialMeetingForm(type, AARON_TEAM, 'u2') : null
	};
}
