import { everyone, weekdayFrom, type DemoStory, type DemoTeamMember } from '../story.ts';

/**
 * Aaron (DOMAIN.md): his annual review is in about 3 weeks, so the invitations and advice
 * are due soon; last year's review has every deadline done.
 */

const team: DemoTeamMember[] = [
	{ person: 'aaronParent', teamRole: 'parent_carer', agency: 'Family' },
	{ person: 'senco', teamRole: 'senco', agency: 'Oakfield Primary School' },
	{ person: 'ta', teamRole: 'teaching_assistant', agency: 'Oakfield Primary School' },
	{ person: 'teacher', teamRole: 'class_teacher', agency: 'Oakfield Primary School' },
	{ person: 'salt', teamRole: 'salt', agency: 'Northshire Community Health' },
	{ person: 'caseworker', teamRole: 'la_caseworker', agency: 'Northshire Council' }
];

export const aaron: DemoStory = {
	child: {
		firstName: 'Aaron',
		lastName: 'Thompson',
		dateOfBirth: '2020-03-14',
		setting: 'Oakfield Primary School',
		yearGroup: 2,
		planType: 'ehcp',
		organisation: 'oakfield',
		strengths: 'Loves trains and drawing; a kind friend who notices when others are sad.',
		areasOfNeed: ['communication_interaction'],
		team
	},
	advice: [
		{
			title: 'Speech and language therapy report',
			authorName: 'Sam Okafor',
			agency: 'Northshire Community Health',
			givenMonthsAgo: 3,
			reviewInMonths: 9,
			text:
				'Aaron understands far more than he can say. He uses signs at home that school staff do not yet know: his mum will share a list of them.\n' +
				'Strategies: use his home signs alongside spoken words; give him ten seconds to answer before helping; use a visual timetable for the day.\n' +
				'Provision: 20 minutes a day of speech and language work with his teaching assistant, following the programme in this report.',
			addedBy: 'salt'
		},
		{
			title: 'Speech and language therapy assessment',
			authorName: 'Sam Okafor',
			agency: 'Northshire Community Health',
			givenMonthsAgo: 14,
			reviewInMonths: null,
			text: 'First assessment: Aaron’s understanding of language is close to his age; his expressive language is delayed by about two years.',
			addedBy: 'salt'
		}
	],
	meetings: (today) => [
		{
			type: 'ehcp_annual_review',
			date: weekdayFrom(today, -690),
			location: 'Oakfield Primary School, meeting room 2',
			chair: 'senco',
			invitees: everyone(team),
			done: 'all',
			doneBy: 'senco',
			minutes: {
				childViews: 'Aaron pointed to the trains and the quiet corner when asked what he likes.',
				familyViews: 'Aaron signs at home but gets cross at school when nobody understands him.',
				working: ['A picture timetable on his table.', 5],
				notWorking: ['Busy carpet times: Aaron hides under the table.', 2],
				worries: ['Aaron cannot tell adults what he needs.', 6],
				outcomes: [
					{
						key: 'askForHelp',
						area: 'communication_interaction',
						text: 'By the end of Year 2, Aaron will ask for help using his signs or words.',
						steps: 'Learn the “help” sign with his teaching assistant.',
						progress: 2,
						evidence: 'Asks for help about once a week, when prompted (TA log).'
					},
					{
						key: 'carpetTime',
						area: 'social_emotional_mental_health',
						text: 'Aaron will join carpet time for 10 minutes, with a visual timer.',
						steps: 'Sit on his own cushion at the edge of the group.',
						progress: 3,
						evidence: 'Joins for about 3 minutes before leaving (class log).'
					}
				],
				provision: {
					text: 'Visual timetable, and his own cushion at carpet time.',
					providedBy: 'Class teacher',
					frequency: 'Daily',
					author: 'teacher'
				},
				actions: [
					{
						text: 'Refer Aaron to the speech and language therapy service.',
						owner: 'senco',
						dueInDays: 14,
						status: 'done',
						evidence: 'Referral accepted; the first assessment was booked.'
					}
				],
				decisions: ['Ask for a speech and language therapy assessment.'],
				nextReviewInDays: 365,
				recommendation: 'amend',
				amendments: [
					['B', 'Aaron’s spoken language is delayed; he uses signs he made up at home.']
				],
				laDecision: {
					decision: 'amend',
					inDays: 26,
					by: 'caseworker',
					note: 'Amended as the review proposed; the final plan was issued in the spring.'
				}
			}
		},
		{
			type: 'ehcp_annual_review',
			date: weekdayFrom(today, -330),
			location: 'Oakfield Primary School, meeting room 2',
			chair: 'senco',
			invitees: everyone(team, { caseworker: 'attending_online' }),
			done: 'all',
			doneBy: 'senco',
			minutes: {
				childViews: 'I like drums and the trampoline. I want my friends to know my signs.',
				familyViews:
					'At home Aaron uses about 30 signs. We would like everyone at school to learn them.',
				working: ['Adults wait ten seconds before helping. The picture timetable helps.', 6],
				notWorking: ['The lunch hall is noisy and Aaron leaves his food.', 3],
				worries: ['He gets upset when adults do not understand his signs.', 4],
				outcomes: [
					{
						key: 'askForHelp',
						area: 'communication_interaction',
						text: 'By the end of Year 2, Aaron will ask for help using his signs or words.',
						steps: 'Use the “help” and “finished” signs at snack time.',
						progress: 4,
						evidence: 'TA log: asks for help 2 to 3 times a week.'
					},
					{
						key: 'carpetTime',
						area: 'social_emotional_mental_health',
						text: 'Aaron will join carpet time for 10 minutes, with a visual timer.',
						steps: 'Sit on his own cushion at the edge of the group.',
						progress: 6,
						evidence: 'Joins carpet time for about 7 minutes with the timer (class log).'
					}
				],
				provision: {
					text: '20 minutes of SaLT-guided language work every day.',
					providedBy: 'Teaching assistant',
					frequency: 'Daily',
					author: 'salt'
				},
				actions: [
					{
						text: 'Share a list of Aaron’s home signs with every adult who works with him.',
						owner: 'senco',
						dueInDays: 30,
						status: 'done',
						evidence: 'The sign list is on the staffroom wall and in the class folder.'
					},
					{
						text: 'Teach the class five of Aaron’s home signs.',
						owner: 'salt',
						dueInDays: 60,
						status: 'open',
						forOutcome: true
					},
					{
						text: 'Try a quiet table for Aaron at lunchtime.',
						owner: 'ta',
						dueInDays: 45,
						status: 'done',
						evidence: 'Quiet table used since the autumn; Aaron now eats most of his lunch.'
					}
				],
				decisions: ['Keep the daily speech and language work.'],
				disagreement: {
					point: 'Whether Aaron needs a teaching assistant with him all day.',
					views: [
						['aaronParent', 'Yes: he needs an adult who knows his signs all day.'],
						['senco', 'Not yet: try the quiet table and the sign list first, and review.']
					]
				},
				nextReviewInDays: 350,
				recommendation: 'amend',
				amendments: [
					['F', 'Add the shared sign list and ten seconds’ wait time to the provision.']
				],
				laDecision: {
					decision: 'amend',
					inDays: 24,
					by: 'caseworker',
					note: 'Amended as the review proposed: the shared sign list and wait time are in section F.'
				}
			}
		},
		{
			type: 'ehcp_annual_review',
			date: weekdayFrom(today, 20),
			location: 'Oakfield Primary School, meeting room 2',
			onlineLink: 'https://meet.example.org/oakfield-aaron-review',
			chair: 'senco',
			invitees: [
				{ person: 'aaronParent', rsvp: 'attending' },
				{ person: 'senco', rsvp: 'attending' },
				{ person: 'teacher', rsvp: 'attending' },
				{ person: 'ta', rsvp: 'attending_online' },
				{
					person: 'salt',
					rsvp: 'cannot_attend',
					contribution:
						'Aaron has made lovely progress this term. He now uses about 20 signs at school as well as at home, and he asks for help with “more” and “finished” without prompting.\n' +
						'What is working: his teaching assistant uses his home signs alongside spoken words, and waits ten seconds before helping.\n' +
						'My suggestion for the plan: keep the daily 20 minutes of speech and language work, and add a shared list of his signs for every adult who works with him.'
				},
				{ person: 'caseworker' }
			],
			done: [],
			doneBy: 'senco',
			minutes: null
		}
	]
};
