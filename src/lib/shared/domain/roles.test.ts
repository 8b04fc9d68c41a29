import { describe, expect, it } from 'vitest';
import { shortRoleName } from '../../client/collab/roleNames.ts';
import { TEAM_ROLE_LABELS } from './labels.ts';
import { FAMILY_ROLES, RESTRICTED_READER_ROLES, TEAM_ROLES, isFamilyRole } from './roles.ts';
import { STATUTORY_INVITEE_GROUPS } from './statutoryInvitees.ts';

const HEALTH_ROLES = ['camhs', 'paediatrician', 'school_nurse'] as const;

describe('team roles', () => {
	it('gives every role a plain-English label and a short name, never the bare code', () => {
		for (const role of TEAM_ROLES) {
			expect(TEAM_ROLE_LABELS[role], role).toBeTruthy();
			expect(shortRoleName(role), role).not.toBe(role);
		}
	});

	it('spells out CAMHS in its label', () => {
		expect(TEAM_ROLE_LABELS.camhs).toBe(
			'Child and Adolescent Mental Health Services (CAMHS) practitioner'
		);
	});

	it('lets the health roles read restricted medical detail, and never the family', () => {
		for (const role of HEALTH_ROLES) {
			expect(TEAM_ROLES).toContain(role);
			expect(RESTRICTED_READER_ROLES).toContain(role);
			expect(isFamilyRole(role)).toBe(false);
		}
		for (const role of FAMILY_ROLES) expect(RESTRICTED_READER_ROLES).not.toContain(role);
	});

	it('counts the health roles as health for an EHCP review’s invitations', () => {
		const health = STATUTORY_INVITEE_GROUPS.find((group) => group.key === 'health');
		for (const role of HEALTH_ROLES) expect(health?.roles).toContain(role);
	});

	it('places each role in one statutory invitee group at most', () => {
		for (const role of TEAM_ROLES) {
			const groups = STATUTORY_INVITEE_GROUPS.filter((group) => group.roles.includes(role));
			expect(groups.length, role).toBeLessThanOrEqual(1);
		}
	});
});
