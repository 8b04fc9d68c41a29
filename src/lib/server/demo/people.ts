import type { MemberRole } from '../../shared/domain/roles.ts';

/**
 * The organisations and people of the fictional demo cases from DOMAIN.md (each child's
 * story is in ./stories). Every demo account shares one password so that someone trying
 * Coplan can sign in as each role in turn.
 */
export const DEMO_PASSWORD = 'coplan-demo-2026';
export const DEMO_EMAIL_DOMAIN = 'demo.coplan.test';

export interface DemoOrganisation {
	key: string;
	name: string;
	kind: 'school' | 'nursery' | 'local_authority' | 'health' | 'social_care';
}

export interface DemoPerson {
	key: string;
	name: string;
	/** Local part of the demo email address. */
	email: string;
	/** Professionals belong to an organisation; families never do. */
	organisation?: { key: DemoOrganisationKey; role: MemberRole };
	/** What the person does, shown beside their name when signing in as them. */
	description: string;
}

const ORGANISATIONS = [
	{ key: 'oakfield', name: 'Oakfield Primary School', kind: 'school' },
	{ key: 'acorns', name: 'Little Acorns Nursery', kind: 'nursery' },
	{ key: 'la', name: 'Northshire Council SEND Team', kind: 'local_authority' },
	{ key: 'health', name: 'Northshire Community Health', kind: 'health' },
	{ key: 'care', name: "Northshire Children's Services", kind: 'social_care' }
] as const satisfies readonly DemoOrganisation[];

export type DemoOrganisationKey = (typeof ORGANISATIONS)[number]['key'];
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = ORGANISATIONS;

const PEOPLE = [
	{
		key: 'senco',
		name: 'Priya Shah',
		email: 'senco',
		organisation: { key: 'oakfield', role: 'coordinator' },
		description: 'SENCo, Oakfield Primary School (coordinator)'
	},
	{
		key: 'headteacher',
		name: 'Helen Marsh',
		email: 'admin',
		organisation: { key: 'oakfield', role: 'admin' },
		description: 'Headteacher, Oakfield Primary School (organisation admin)'
	},
	{
		key: 'teacher',
		name: 'Tom Bennett',
		email: 'teacher',
		organisation: { key: 'oakfield', role: 'professional' },
		description: 'Class teacher, Oakfield Primary School'
	},
	{
		key: 'ta',
		name: 'Grace Lee',
		email: 'ta',
		organisation: { key: 'oakfield', role: 'professional' },
		description: 'Teaching assistant, Oakfield Primary School'
	},
	{
		key: 'keyperson',
		name: 'Nadia Hussain',
		email: 'keyperson',
		organisation: { key: 'acorns', role: 'coordinator' },
		description: 'Nursery key person and SENCo, Little Acorns Nursery'
	},
	{
		key: 'caseworker',
		name: 'Mark Evans',
		email: 'caseworker',
		organisation: { key: 'la', role: 'coordinator' },
		description: 'SEND caseworker, Northshire Council'
	},
	{
		key: 'salt',
		name: 'Sam Okafor',
		email: 'salt',
		organisation: { key: 'health', role: 'professional' },
		description: 'Speech and language therapist (SaLT)'
	},
	{
		key: 'ot',
		name: 'Olivia Grant',
		email: 'ot',
		organisation: { key: 'health', role: 'professional' },
		description: 'Occupational therapist (OT)'
	},
	{
		key: 'physio',
		name: 'Daniel Price',
		email: 'physio',
		organisation: { key: 'health', role: 'professional' },
		description: 'Physiotherapist'
	},
	{
		key: 'healthvisitor',
		name: 'Ruth Campbell',
		email: 'healthvisitor',
		organisation: { key: 'health', role: 'professional' },
		description: 'Health visitor'
	},
	{
		key: 'camhs',
		name: 'Amir Rahman',
		email: 'camhs',
		organisation: { key: 'health', role: 'professional' },
		description: 'CAMHS practitioner (children and young people’s mental health services)'
	},
	{
		key: 'ep',
		name: 'Laura Fitzgerald',
		email: 'ep',
		organisation: { key: 'la', role: 'professional' },
		description: 'Educational psychologist (EP)'
	},
	{
		key: 'familysupport',
		name: 'Joe Walsh',
		email: 'familysupport',
		organisation: { key: 'care', role: 'professional' },
		description: 'Family support worker (early help)'
	},
	{
		key: 'socialworker',
		name: 'Claire Douglas',
		email: 'socialworker',
		organisation: { key: 'care', role: 'professional' },
		description: 'Social worker'
	},
	{
		key: 'aaronParent',
		name: 'Sarah Thompson',
		email: 'aaron.parent',
		description: 'Parent of Aaron'
	},
	{
		key: 'jordanParent',
		name: 'Michael Clarke',
		email: 'jordan.parent',
		description: 'Parent of Jordan'
	},
	{ key: 'mayaParent', name: 'Aisha Begum', email: 'maya.parent', description: 'Parent of Maya' },
	{
		key: 'connorParent',
		name: 'Lisa Murphy',
		email: 'connor.parent',
		description: 'Foster carer of Connor'
	}
] as const satisfies readonly DemoPerson[];

/** Stories name people by these keys, so a mistyped one fails type-checking. */
export type DemoPersonKey = (typeof PEOPLE)[number]['key'];
export const DEMO_PEOPLE: readonly DemoPerson[] = PEOPLE;

export function demoEmail(person: DemoPerson): string {
	return `${person.email}@${DEMO_EMAIL_DOMAIN}`;
}
