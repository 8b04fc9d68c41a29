import { describe, expect, it } from 'vitest';
import { can, type Action, type Actor } from './policy.ts';

/**
 * can() for each kind of person against each action, as tables: a row per person lists
 * what they may do; everything else must be refused. Add rows and actions here when the
 * policy grows.
 */

const SCHOOL = 'org-school';
const OTHER_SCHOOL = 'org-other';
const CHILD = 'child-aaron';
const child = { type: 'child', childId: CHILD, organisationId: SCHOOL } as const;

const CHILD_ACTIONS: Action[] = [
	'child.view',
	'child.edit',
	'child.delete',
	'child.invite',
	'child.manageTeam',
	'child.viewRestricted',
	'child.addAdvice',
	'child.createMeeting',
	'child.recordConsent'
];

function actor(
	memberships: Actor['memberships'] = [],
	teamRole: string | null = null,
	consentToRestricted = false
): Actor {
	return {
		id: 'user',
		memberships,
		teams: teamRole ? [{ childId: CHILD, teamRole, consentToRestricted }] : []
	};
}

const COORDINATING: Action[] = [
	'child.view',
	'child.edit',
	'child.invite',
	'child.manageTeam',
	'child.addAdvice',
	'child.createMeeting',
	'child.recordConsent'
];

const childRows: [string, Actor | null, Action[]][] = [
	[
		'coordinator of the child’s organisation, not in the team',
		actor([{ organisationId: SCHOOL, role: 'coordinator' }]),
		[...COORDINATING, 'child.delete']
	],
	[
		'admin of the child’s organisation',
		actor([{ organisationId: SCHOOL, role: 'admin' }]),
		[...COORDINATING, 'child.delete']
	],
	[
		'professional of the child’s organisation, not in the team',
		actor([{ organisationId: SCHOOL, role: 'professional' }]),
		[]
	],
	[
		'coordinator of another organisation',
		actor([{ organisationId: OTHER_SCHOOL, role: 'coordinator' }]),
		[]
	],
	[
		'SENCo of the child’s school in the team',
		actor([{ organisationId: SCHOOL, role: 'professional' }], 'senco'),
		[...COORDINATING, 'child.viewRestricted']
	],
	// Restricted notes reach another agency only with the family's consent.
	['SENCo of another setting in the team, no consent', actor([], 'senco'), COORDINATING],
	[
		'LA caseworker in the team, with the family’s consent',
		actor([{ organisationId: OTHER_SCHOOL, role: 'coordinator' }], 'la_caseworker', true),
		[...COORDINATING, 'child.viewRestricted']
	],
	[
		'LA caseworker in the team, consent not given or withdrawn',
		actor([{ organisationId: OTHER_SCHOOL, role: 'coordinator' }], 'la_caseworker'),
		COORDINATING
	],
	[
		'social worker in the team, with the family’s consent',
		actor([], 'social_worker', true),
		['child.view', 'child.addAdvice', 'child.viewRestricted']
	],
	[
		'social worker in the team, no consent',
		actor([], 'social_worker'),
		['child.view', 'child.addAdvice']
	],
	// Health professionals give and act on medical detail, so they read restricted notes
	// on the same terms as a social worker: with the family's consent.
	[
		'CAMHS practitioner in the team, with the family’s consent',
		actor([], 'camhs', true),
		['child.view', 'child.addAdvice', 'child.viewRestricted']
	],
	[
		'CAMHS practitioner in the team, no consent',
		actor([], 'camhs'),
		['child.view', 'child.addAdvice']
	],
	[
		'paediatrician in the team, with the family’s consent',
		actor([], 'paediatrician', true),
		['child.view', 'child.addAdvice', 'child.viewRestricted']
	],
	[
		'school nurse of the child’s school in the team',
		actor([{ organisationId: SCHOOL, role: 'professional' }], 'school_nurse'),
		['child.view', 'child.addAdvice', 'child.viewRestricted']
	],
	// Consent never opens restricted notes to a role that does not read them.
	[
		'class teacher in the team, with consent',
		actor([], 'class_teacher', true),
		['child.view', 'child.addAdvice']
	],
	['class teacher in the team', actor([], 'class_teacher'), ['child.view', 'child.addAdvice']],
	[
		'speech and language therapist in the team',
		actor([], 'salt'),
		['child.view', 'child.addAdvice']
	],
	[
		'parent or carer in the team, with consent recorded',
		actor([], 'parent_carer', true),
		['child.view', 'child.recordConsent']
	],
	['the child or young person', actor([], 'child', true), ['child.view']],
	['someone with no connection', actor(), []],
	['nobody signed in', null, []]
];

describe('can() on a child', () => {
	describe.each(childRows)('%s', (_who, who, allowed) => {
		it.each(CHILD_ACTIONS)('%s', (action) => {
			expect(can(who, action, child)).toBe(allowed.includes(action));
		});
	});
});

describe('can() on an organisation', () => {
	const organisation = { type: 'organisation', organisationId: SCHOOL } as const;
	it.each([
		['coordinator', actor([{ organisationId: SCHOOL, role: 'coordinator' }]), true],
		['admin', actor([{ organisationId: SCHOOL, role: 'admin' }]), true],
		['professional', actor([{ organisationId: SCHOOL, role: 'professional' }]), false],
		[
			'coordinator elsewhere',
			actor([{ organisationId: OTHER_SCHOOL, role: 'coordinator' }]),
			false
		],
		['SENCo in a team only', actor([], 'senco'), false]
	] as const)('organisation.createChild for a %s: %s', (_who, who, expected) => {
		expect(can(who, 'organisation.createChild', organisation)).toBe(expected);
	});
});

describe('can() on an organisation: settings and members', () => {
	const organisation = { type: 'organisation', organisationId: SCHOOL } as const;
	const ORGANISATION_ACTIONS: Action[] = [
		'organisation.manage',
		'organisation.manageMembers',
		'organisation.createChild',
		'organisation.readAudit',
		'organisation.manageRecords'
	];
	const rows: [string, Actor | null, Action[]][] = [
		['admin', actor([{ organisationId: SCHOOL, role: 'admin' }]), ORGANISATION_ACTIONS],
		[
			'coordinator',
			actor([{ organisationId: SCHOOL, role: 'coordinator' }]),
			['organisation.createChild']
		],
		['professional', actor([{ organisationId: SCHOOL, role: 'professional' }]), []],
		['admin of another organisation', actor([{ organisationId: OTHER_SCHOOL, role: 'admin' }]), []],
		['SENCo in a team only', actor([], 'senco'), []],
		['parent or carer in a team', actor([], 'parent_carer'), []],
		['nobody signed in', null, []]
	];
	describe.each(rows)('%s', (_who, who, allowed) => {
		it.each(ORGANISATION_ACTIONS)('%s', (action) => {
			expect(can(who, action, organisation)).toBe(allowed.includes(action));
		});
	});
	it('organisation actions never apply to a child', () => {
		const admin = actor([{ organisationId: SCHOOL, role: 'admin' }]);
		expect(can(admin, 'organisation.manageMembers', child)).toBe(false);
	});
});

describe('can() on a meeting: deadlines, deletion and restoring', () => {
	const meeting = (closed: boolean) =>
		({ type: 'meeting', childId: CHILD, organisationId: SCHOOL, closed, chairId: null }) as const;
	const MEETING_ACTIONS: Action[] = [
		'meeting.trackDeadlines',
		'meeting.delete',
		'meeting.respond',
		'meeting.restore'
	];
	// [who, allowed while the meeting is open, allowed once it is closed]
	const rows: [string, Actor | null, Action[], Action[]][] = [
		[
			'admin of the child’s organisation',
			actor([{ organisationId: SCHOOL, role: 'admin' }]),
			['meeting.trackDeadlines', 'meeting.delete', 'meeting.restore'],
			// A closed meeting's minutes are the record: never restored over.
			['meeting.trackDeadlines', 'meeting.delete']
		],
		[
			'admin of another organisation',
			actor([{ organisationId: OTHER_SCHOOL, role: 'admin' }]),
			[],
			[]
		],
		[
			'coordinator of the child’s organisation, not in the team',
			actor([{ organisationId: SCHOOL, role: 'coordinator' }]),
			['meeting.trackDeadlines', 'meeting.delete'],
			['meeting.trackDeadlines', 'meeting.delete']
		],
		[
			'SENCo in the team',
			actor([], 'senco'),
			['meeting.trackDeadlines', 'meeting.delete', 'meeting.respond'],
			// Minutes of a closed meeting are removed only by the organisation.
			['meeting.trackDeadlines', 'meeting.respond']
		],
		[
			'class teacher in the team',
			actor([], 'class_teacher'),
			['meeting.respond'],
			['meeting.respond']
		],
		[
			'parent or carer in the team',
			actor([], 'parent_carer'),
			['meeting.respond'],
			['meeting.respond']
		],
		[
			'coordinator of another organisation',
			actor([{ organisationId: OTHER_SCHOOL, role: 'coordinator' }]),
			[],
			[]
		],
		['nobody signed in', null, [], []]
	];
	describe.each(rows)('%s', (_who, who, whileOpen, onceClosed) => {
		it.each(MEETING_ACTIONS)('%s', (action) => {
			expect(can(who, action, meeting(false))).toBe(whileOpen.includes(action));
			expect(can(who, action, meeting(true))).toBe(onceClosed.includes(action));
		});
	});
});

describe('can() on an action: marking it done', () => {
	const owned = (ownerId: string | null) =>
		({ type: 'action', childId: CHILD, organisationId: SCHOOL, ownerId }) as const;
	// [who, may complete their own action, may complete someone else's]
	const rows: [string, Actor | null, boolean, boolean][] = [
		['speech and language therapist in the team', actor([], 'salt'), true, false],
		['parent or carer in the team', actor([], 'parent_carer'), true, false],
		['SENCo in the team', actor([], 'senco'), true, true],
		[
			'coordinator of the child’s organisation, not in the team',
			actor([{ organisationId: SCHOOL, role: 'coordinator' }]),
			true,
			true
		],
		// Owners who have left the team no longer act for the child.
		['owner no longer in the team', actor(), false, false],
		[
			'professional of the child’s organisation, not in the team',
			actor([{ organisationId: SCHOOL, role: 'professional' }]),
			false,
			false
		],
		['nobody signed in', null, false, false]
	];
	it.each(rows)('%s', (_who, who, own, others) => {
		expect(can(who, 'action.complete', owned('user'))).toBe(own);
		expect(can(who, 'action.complete', owned('someone-else'))).toBe(others);
		expect(can(who, 'action.complete', owned(null))).toBe(others);
		expect(can(who, 'meeting.view', owned('user'))).toBe(false);
	});
});
