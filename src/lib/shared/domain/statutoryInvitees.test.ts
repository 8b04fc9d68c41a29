import { describe, expect, it } from 'vitest';
import {
	STATUTORY_INVITEES_SOURCE,
	coverageSummary,
	missingStatutoryInvitees,
	statutoryInviteeCoverage
} from './statutoryInvitees.ts';

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

	it('counts CAMHS, a paediatrician or a school nurse as health', () => {
		for (const role of ['camhs', 'paediatrician', 'school_nurse']) {
			expect(keys('ehcp_interim_review', [role])).not.toContain('health');
		}
	});

	it('cites both paragraphs of regulation 20 that name the invitees', () => {
		expect(STATUTORY_INVITEES_SOURCE).toBe(
			'SEND Regulations 2014, regulation 20(2) and (3); SEND Code of Practice 2015, paragraph 9.176'
		);
	});
});

describe('who in the team covers each statutory group', () => {
	const team = [
		{ name: 'Sarah Thompson', teamRole: 'parent_carer' },
		{ name: 'Priya Shah', teamRole: 'senco' },
		{ name: 'Tom Reed', teamRole: 'class_teacher' },
		{ name: 'Amir Rahman', teamRole: 'camhs' },
		{ name: 'Someone else', teamRole: 'other' }
	];

	it('names everyone who counts for each group, in team order, and no one for a gap', () => {
		const coverage = statutoryInviteeCoverage('ehcp_annual_review', team);
		expect(
			coverage.map(({ group, coveredBy }) => [group.key, coveredBy.map((person) => person.name)])
		).toEqual([
			['family', ['Sarah Thompson']],
			['setting', ['Priya Shah', 'Tom Reed']],
			['localAuthority', []],
			['health', ['Amir Rahman']],
			['socialCare', []]
		]);
	});

	it('is empty for meetings the rule does not cover', () => {
		expect(statutoryInviteeCoverage('taf_review', team)).toEqual([]);
		expect(statutoryInviteeCoverage('sen_support_review', team)).toEqual([]);
	});

	it('sums up what is covered and names what is missing', () => {
		expect(coverageSummary(statutoryInviteeCoverage('ehcp_annual_review', team))).toBe(
			'3 of 5 groups the law says must be invited are covered. Missing: the local authority (LA) SEN officer; social care (a social worker).'
		);
		const everyone = [
			...team,
			{ name: 'Lee Grant', teamRole: 'la_caseworker' },
			{ name: 'Jo Bell', teamRole: 'social_worker' }
		];
		expect(coverageSummary(statutoryInviteeCoverage('ehcp_annual_review', everyone))).toBe(
			'Someone in the team covers each of the 5 groups the law says must be invited.'
		);
	});
});
