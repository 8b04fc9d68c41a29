import {
	previousWeekday,
	shiftDate,
	type CalendarDate
} from '../../../shared/domain/ukCalendar.ts';
import { everyone, weekdayFrom, type DemoStory, type DemoTeamMember } from '../story.ts';
import { academicYearStart, yearGroupOn } from '../../../shared/domain/yearGroups.ts';

/**
 * Connor (DOMAIN.md): his phase-transfer review (primary to secondary) is in the autumn,
 * before the 15 February deadline; a restricted note records that he is looked after.
 */

const team: DemoTeamMember[] = [
	{ person: 'connorParent', teamRole: 'parent_carer', agency: 'Family' },
	{ person: 'senco', teamRole: 'senco', agency: 'Oakfield Primary School' },
	{ person: 'teacher', teamRole: 'class_teacher', agency: 'Oakfield Primary School' },
	{ person: 'camhs', teamRole: 'camhs', agency: 'CAMHS, Northshire Community Health' },
	{
		person: 'socialworker',
		teamRole: 'social_worker',
		agency: "Northshire Children's Services"
	},
	{ person: 'ep', teamRole: 'ep', agency: 'Northshire Council' },
	{ person: 'caseworker', teamRole: 'la_caseworker', agency: 'Northshire Council' }
];

/** Connor's review: in this autumn term if there is still time, otherwise next autumn. */
function phaseTransferDate(today: CalendarDate): CalendarDate {
	const candidate = weekdayFrom(today, 28);
	const [year = 0, month = 1] = candidate.split('-').map(Number);
	const transferYear = month >= 9 ? year + 1 : year;
	if (candidate < `${transferYear}-02-01`) return candidate;
	return previousWeekday(`${year}-10-06`);
}

/** The year Connor started Reception: Year 6 is the school year of his review. */
function cohortOf(today: CalendarDate): number {
	return academicYearStart(phaseTransferDate(today)) - 6;
}

export const connor: DemoStory = {
	child: {
		firstName: 'Connor',
		lastName: 'Murphy',
		// In Year 6 in the school year of his phase-transfer review, whenever the demo is
		// seeded (the review moves to next autumn once this year's deadline is too close).
		dateOfBirth: (today) => `${cohortOf(today) - 5}-10-03`,
		setting: 'Oakfield Primary School',
		yearGroup: (today) => yearGroupOn(cohortOf(today), today),
		planType: 'ehcp',
		organisation: 'oakfield',
		strengths: 'Creative writer and strong reader; good with younger children.',
		areasOfNeed: ['social_emotional_mental_health', 'cognition_learning'],
		team
	},
	advice: [
		{
			title: 'Educational psychology report',
			authorName: 'Laura Fitzgerald',
			agency: 'Northshire Council',
			givenMonthsAgo: 18,
			reviewInMonths: -6,
			text: 'Connor is a strong reader with a rich vocabulary. He finds changes to routine very hard and needs warning of them in advance. Written instructions help him more than spoken ones.',
			addedBy: 'ep'
		},
		{
			title: 'Moving to secondary school: transition advice',
			authorName: 'Mark Evans',
			agency: 'Northshire Council',
			givenMonthsAgo: 1,
			reviewInMonths: 5,
			text: 'Extra visits to the secondary school in the summer term with a familiar adult; a photo book of the new building and staff; a named key worker from his first day.',
			addedBy: 'caseworker'
		}
	],
	meetings: (today) => {
		const connorReview = phaseTransferDate(today);
		const lastReview = previousWeekday(shiftDate(connorReview, { months: -11 }));
		// Within 12 months of each other whatever weekends move them by.
		const firstReview = previousWeekday(shiftDate(lastReview, { months: -11 }));
		return [
			{
				type: 'ehcp_annual_review',
				date: firstReview,
				location: 'Oakfield Primary School, meeting room 1',
				chair: 'senco',
				invitees: everyone(team),
				done: 'all',
				doneBy: 'senco',
				minutes: {
					childViews: 'I like the library at lunchtime. I do not like the noisy hall.',
					familyViews: 'Connor keeps his worries in. He needs someone he trusts to talk to.',
					working: ['Lunchtimes in the library.', 6],
					notWorking: ['Busy playtimes end in arguments.', 3],
					worries: ['Connor does not say when he is upset.', 7],
					outcomes: [
						{
							key: 'worries',
							area: 'social_emotional_mental_health',
							text: 'Connor will tell an adult when he feels worried, using his worry scale.',
							steps: 'Make a worry scale with his class teacher.',
							progress: 3,
							evidence: 'Used the worry scale twice in the first half-term (class log).'
						},
						{
							key: 'friendships',
							area: 'social_emotional_mental_health',
							text: 'Connor will play a team game at break with two friends.',
							steps: 'A lunchtime club with a small group.',
							progress: 4,
							evidence: 'Joins the club most weeks (lunchtime supervisor).'
						}
					],
					provision: {
						text: 'A small lunchtime club, twice a week.',
						providedBy: 'Teaching assistant',
						frequency: 'Twice a week',
						author: 'teacher'
					},
					actions: [
						{
							text: 'Start a lunchtime club for Connor and two friends.',
							owner: 'teacher',
							dueInDays: 14,
							status: 'done',
							evidence: 'The club meets on Tuesdays and Thursdays.'
						}
					],
					decisions: ['Add a trusted adult check-in each morning.'],
					nextReviewInDays: 330,
					recommendation: 'amend',
					amendments: [['A', 'Connor would like a quiet place to go at busy times.']],
					laDecision: {
						decision: 'amend',
						inDays: 25,
						by: 'caseworker',
						note: 'Amended as the review proposed.'
					}
				}
			},
			{
				type: 'ehcp_annual_review',
				date: lastReview,
				location: 'Oakfield Primary School, meeting room 1',
				chair: 'senco',
				invitees: everyone(team, { camhs: 'cannot_attend', ep: 'attending_online' }),
				done: 'all',
				doneBy: 'senco',
				minutes: {
					childViews: 'I want to go to a secondary school with a library and a quiet room.',
					familyViews: 'Connor worries about big crowds. Visiting early would help him.',
					working: ['A trusted adult to talk to each morning.', 6],
					notWorking: ['Busy corridors and changes to the timetable.', 3],
					worries: ['The move to secondary school.', 7],
					outcomes: [
						{
							key: 'worries',
							area: 'social_emotional_mental_health',
							text: 'Connor will tell an adult when he feels worried, using his worry scale.',
							steps: 'Morning check-in with the worry scale.',
							progress: 6,
							evidence: 'Uses the worry scale most mornings (class log).'
						}
					],
					provision: {
						text: 'Morning check-in with a trusted adult.',
						providedBy: 'Class teacher',
						frequency: 'Daily',
						author: 'teacher'
					},
					actions: [
						{
							text: 'Visit two secondary schools with Connor and his foster carer.',
							owner: 'senco',
							dueInDays: 120,
							status: 'done',
							evidence: 'Visited both schools in June; Connor preferred the smaller one.'
						},
						{
							text: 'Share the CAMHS plan with school, with the family’s consent.',
							owner: 'camhs',
							dueInDays: 30,
							status: 'open'
						},
						{
							text: 'Educational psychology assessment before the phase-transfer review.',
							owner: 'ep',
							dueInDays: 300,
							status: 'open',
							forOutcome: true
						}
					],
					decisions: ['Name a smaller secondary school as the preference for the move.'],
					nextReviewInDays: 330,
					recommendation: 'maintain',
					laDecision: {
						decision: 'maintain',
						inDays: 20,
						by: 'caseworker',
						note: 'The plan stays as it is until the phase-transfer review.'
					},
					restricted: [
						{
							category: 'social_care',
							author: 'socialworker',
							text: 'Connor is looked after; his care plan was reviewed last month. CAMHS are involved: contact the social worker before sharing any detail.'
						}
					]
				}
			},
			{
				type: 'phase_transfer_review',
				transfer: 'primary_to_secondary',
				date: connorReview,
				time: '14:00',
				durationMinutes: 90,
				location: 'Oakfield Primary School, meeting room 1',
				chair: 'senco',
				invitees: [
					{ person: 'connorParent', rsvp: 'attending' },
					{ person: 'senco', rsvp: 'attending' },
					{ person: 'teacher' },
					{ person: 'camhs', rsvp: 'attending_online' },
					{ person: 'socialworker' },
					{ person: 'ep', rsvp: 'attending' },
					{ person: 'caseworker', rsvp: 'attending' }
				],
				done: ['invitations_sent'],
				doneBy: 'senco',
				minutes: null
			}
		];
	}
};
