import { describe, expect, it } from 'vitest';
import { missingStatutoryInvitees } from './statutoryInvitees.ts';

const keys = (...args: Parameters<typeof missingStatutoryInvitees>) =>
	missingStatutoryInvitees(...args).map((group) => group.key);

describe('the invitees an EHCP review must have', () => {
	it('names every group nobody invited belongs to', () => {
		expect(keys('ehcp_annual_review', ['parent_carer', 'senco'])).toEqual([
			'localAuthority',
			'health',
			'socialCare'
		]);
		expect(
			keys('phase_transfer_review', [
				'child',
				'class_teacher',
				'la_caseworker',
				'salt',
				'social_worker'
			])
		).toEqual([]);
	});

	it('does not count someone recorded only as Other, or no longer in the team', () => {
		expect(keys('ehcp_annual_review', ['other', null, 'senco', 'parent_carer'])).toContain(
			'health'
		);
	});

	it('asks nothing of meetings the rule does not cover', () => {
		expect(keys('taf_review', [])).toEqual([]);
		expect(keys('sen_support_review', [])).toEqual([]);
	});
});
