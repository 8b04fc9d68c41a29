import { describe, expect, it } from 'vitest';
import type { Actor } from '../../policy.ts';
import type { MeetingResource } from './findMeeting.ts';
import { liveMeetingPermissions, meetingPagePermissions } from './meetingPermissions.ts';

const CHILD = 'child-1';
const ORGANISATION = 'organisation-1';

function meeting(overrides: Partial<MeetingResource> = {}): MeetingResource {
	return {
		type: 'meeting',
		childId: CHILD,
		organisationId: ORGANISATION,
		closed: false,
		chairId: null,
		...overrides
	};
}

function inTeam(id: string, teamRole: string): Actor {
	return { id, memberships: [], teams: [{ childId: CHILD, teamRole }] };
}

const parent = inTeam('parent', 'parent_carer');
// The SENCo of the school that holds the record: reads restricted notes without consent.
const senco: Actor = {
	...inTeam('senco', 'senco'),
	memberships: [{ organisationId: ORGANISATION, role: 'professional' }]
};
const coordinatorOutsideTeam: Actor = {
	id: 'coordinator',
	memberships: [{ organisationId: ORGANISATION, role: 'coordinator' }],
	teams: []
};

describe('meetingPagePermissions', () => {
	it('offers the reply form to an invited team member while the meeting is open', () => {
		expect(meetingPagePermissions(parent, meeting(), true).respond).toBe(true);
	});

	it('offers no reply form to someone not invited', () => {
		expect(meetingPagePermissions(parent, meeting(), false).respond).toBe(false);
	});

	it('offers no reply form once the meeting has closed', () => {
		expect(meetingPagePermissions(parent, meeting({ closed: true }), true).respond).toBe(false);
	});

	it('offers no reply form to someone outside the team, even if invited', () => {
		expect(meetingPagePermissions(coordinatorOutsideTeam, meeting(), true).respond).toBe(false);
	});

	it('lets coordinators track deadlines and delete, and not the family', () => {
		expect(meetingPagePermissions(coordinatorOutsideTeam, meeting(), false)).toMatchObject({
			trackDeadlines: true,
			delete: true
		});
		expect(meetingPagePermissions(parent, meeting(), true)).toMatchObject({
			trackDeadlines: false,
			delete: false
		});
	});
});

describe('liveMeetingPermissions', () => {
	it('lets the team write as if the meeting were open, even while it is closed', () => {
		expect(liveMeetingPermissions(parent, meeting({ closed: true })).collaborate).toBe(true);
		expect(liveMeetingPermissions(coordinatorOutsideTeam, meeting()).collaborate).toBe(false);
	});

	it('names the chair and who may read restricted notes from the policy', () => {
		expect(liveMeetingPermissions(parent, meeting({ chairId: 'parent' }))).toEqual({
			collaborate: true,
			chair: true,
			viewRestricted: false
		});
		expect(liveMeetingPermissions(senco, meeting())).toEqual({
			collaborate: true,
			chair: true,
			viewRestricted: true
		});
	});
});
