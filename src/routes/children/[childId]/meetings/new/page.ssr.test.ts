import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { DURATION_OPTIONS, initialMeetingForm } from '$lib/server/services/meetings/meetingForm.ts';
import { MEETING_TYPES } from '$lib/shared/domain/meetingTypes.ts';
import Page from './+page.svelte';

const team = [
	{ userId: 'u1', name: 'Sarah Thompson', teamRole: 'parent_carer', agency: 'Family' },
	{ userId: 'u2', name: 'Priya Shah', teamRole: 'senco', agency: 'Oakfield Primary School' }
];

describe('scheduling an EHCP review, as the server sends it (no JavaScript needed)', () => {
	it('already holds the statutory invitee check, with who is missing', () => {
		const { body } = render(Page, {
			props: {
				data: {
					user: { name: 'Priya Shah' },
					outboxShown: false,
					child: { id: 'c1', name: 'Aaron' },
					team,
					canInvite: true,
					meetingTypes: MEETING_TYPES,
					durations: DURATION_OPTIONS,
					transfers: [],
					type: 'ehcp_interim_review',
					typeError: null,
					initial: initialMeetingForm('ehcp_interim_review', team, 'u2')
				},
				form: null
			}
		});
		expect(body).toContain('Who this review must invite');
		// The family and the setting are covered; the other three groups are not.
		expect(body.match(/nobody in Aaron’s team has this role/g)).toHaveLength(3);
		expect(body).toContain('Covered</strong> by Sarah Thompson');
		expect(body).toContain('href="/children/c1/invitations"');
	});
});
