import type { AreaOfNeed } from '../../shared/domain/areasOfNeed.ts';
import type { MemberRole } from '../../shared/domain/roles.ts';
import type { PlanType } from '../../shared/domain/planTypes.ts';

/**
 * The fictional demo cases from DOMAIN.md. Every demo account shares one password so
 * that someone trying Coplan can sign in as each role in turn.
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
	organisation?: { key: string; role: MemberRole };
	/** What the person does, shown beside their name when signing in as them. */
	description: string;
}

export interface DemoChild {
	firstName: string;
	lastName: string;
	/** Fixed date, or months before the seeding day for a child whose age matters. */
	dateOfBirth: string | { monthsAgo: number };
	setting: string;
	yearGroup: string | null;
	planType: PlanType;
	organisation: string;
	strengths: string;
	areasOfNeed: AreaOfNeed[];
	team: { person: string; teamRole: string; agency: string }[];
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
	{ key: 'oakfield', name: 'Oakfield Primary School', kind: 'school' },
	{ key: 'acorns', name: 'Little Acorns Nursery', kind: 'nursery' },
	{ key: 'la', name: 'Northshire Council SEND Team', kind: 'local_authority' },
	{ key: 'health', name: 'Northshire Community Health', kind: 'health' },
	{ key: 'care', name: "Northshire Children's Services", kind: 'social_care' }
];

export const DEMO_PEOPLE: DemoPerson[] = [
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
];

export const DEMO_CHILDREN: DemoChild[] = [
	{
		firstName: 'Aaron',
		lastName: 'Thompson',
		dateOfBirth: '2020-03-14',
		setting: 'Oakfield Primary School',
		yearGroup: 'Year 2',
		planType: 'ehcp',
		organisation: 'oakfield',
		strengths: 'Loves trains and drawing; a kind friend who notices when others are sad.',
		areasOfNeed: ['communication_interaction'],
		team: [
			{ person: 'aaronParent', teamRole: 'parent_carer', agency: 'Family' },
			{ person: 'senco', teamRole: 'senco', agency: 'Oakfield Primary School' },
			{ person: 'ta', teamRole: 'teaching_assistant', agency: 'Oakfield Primary School' },
			{ person: 'teacher', teamRole: 'class_teacher', agency: 'Oakfield Primary School' },
			{ person: 'salt', teamRole: 'salt', agency: 'Northshire Community Health' },
			{ person: 'caseworker', teamRole: 'la_caseworker', agency: 'Northshire Council' }
		]
	},
	{
		firstName: 'Jordan',
		lastName: 'Clarke',
		dateOfBirth: '2019-01-22',
		setting: 'Oakfield Primary School',
		yearGroup: 'Year 3',
		planType: 'ehcp',
		organisation: 'oakfield',
		strengths: 'Determined and funny; enjoys science and football on the iPad.',
		areasOfNeed: ['sensory_physical'],
		team: [
			{ person: 'jordanParent', teamRole: 'parent_carer', agency: 'Family' },
			{ person: 'senco', teamRole: 'senco', agency: 'Oakfield Primary School' },
			{ person: 'teacher', teamRole: 'class_teacher', agency: 'Oakfield Primary School' },
			{ person: 'physio', teamRole: 'physio', agency: 'Northshire Community Health' },
			{ person: 'ot', teamRole: 'ot', agency: 'Northshire Community Health' },
			{ person: 'caseworker', teamRole: 'la_caseworker', agency: 'Northshire Council' }
		]
	},
	{
		firstName: 'Maya',
		lastName: 'Begum',
		dateOfBirth: { monthsAgo: 30 },
		setting: 'Little Acorns Nursery',
		yearGroup: null,
		planType: 'early_help',
		organisation: 'acorns',
		strengths: 'Curious and sociable; loves music, bubbles and the sand tray.',
		areasOfNeed: ['communication_interaction'],
		team: [
			{ person: 'mayaParent', teamRole: 'parent_carer', agency: 'Family' },
			{ person: 'keyperson', teamRole: 'nursery_key_person', agency: 'Little Acorns Nursery' },
			{ person: 'salt', teamRole: 'salt', agency: 'Northshire Community Health' },
			{
				person: 'healthvisitor',
				teamRole: 'health_visitor',
				agency: 'Northshire Community Health'
			},
			{
				person: 'familysupport',
				teamRole: 'social_worker',
				agency: "Northshire Children's Services"
			}
		]
	},
	{
		firstName: 'Connor',
		lastName: 'Murphy',
		dateOfBirth: '2015-10-03',
		setting: 'Oakfield Primary School',
		yearGroup: 'Year 6',
		planType: 'ehcp',
		organisation: 'oakfield',
		strengths: 'Creative writer and strong reader; good with younger children.',
		areasOfNeed: ['social_emotional_mental_health', 'cognition_learning'],
		team: [
			{ person: 'connorParent', teamRole: 'parent_carer', agency: 'Family' },
			{ person: 'senco', teamRole: 'senco', agency: 'Oakfield Primary School' },
			{ person: 'teacher', teamRole: 'class_teacher', agency: 'Oakfield Primary School' },
			{ person: 'camhs', teamRole: 'other', agency: 'CAMHS, Northshire Community Health' },
			{
				person: 'socialworker',
				teamRole: 'social_worker',
				agency: "Northshire Children's Services"
			},
			{ person: 'ep', teamRole: 'ep', agency: 'Northshire Council' },
			{ person: 'caseworker', teamRole: 'la_caseworker', agency: 'Northshire Council' }
		]
	}
];

export function demoEmail(person: DemoPerson): string {
	return `${person.email}@${DEMO_EMAIL_DOMAIN}`;
}
