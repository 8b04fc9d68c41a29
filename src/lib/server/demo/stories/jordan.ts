import { everyone, weekdayFrom, type DemoStory, type DemoTeamMember } from '../story.ts';

/**
 * Jordan (DOMAIN.md): his annual review was held 6 weeks ago, but its report and the LA
 * decision are overdue (the plan rewrite is late); an interim review is booked to chase it.
 */

const team: DemoTeamMember[] = [
	{ person: 'jordanParent', teamRole: 'parent_carer', agency: 'Family' },
	{ person: 'senco', teamRole: 'senco', agency: 'Oakfield Primary School' },
	{ person: 'teacher', teamRole: 'class_teacher', agency: 'Oakfield Primary School' },
	{ person: 'physio', teamRole: 'physio', agency: 'Northshire Community Health' },
	{ person: 'ot', teamRole: 'ot', agency: 'Northshire Community Health' },
	{ person: 'caseworker', teamRole: 'la_caseworker', agency: 'Northshire Council' }
];

export const jordan: DemoStory = {
	child: {
		firstName: 'Jordan',
		lastName: 'Clarke',
		dateOfBirth: '2019-01-22',
		setting: 'Oakfield Primary School',
		yearGroup: 3,
		planType: 'ehcp',
		organisation: 'oakfield',
		strengths: 'Determined and funny; enjoys science and football on the iPad.',
		areasOfNeed: ['sensory_physical'],
		team
	},
	advice: [
		{
			title: 'Physiotherapy programme',
			authorName: 'Daniel Price',
			agency: 'Northshire Community Health',
			givenMonthsAgo: 8,
			reviewInMonths: -2,
			text:
				'Daily stretches before school and after lunch (see the pictures in the programme); 30 minutes in the standing frame after lunch.\n' +
				'This programme must be reviewed after Jordan’s operation before anyone carries on with it.',
			addedBy: 'physio'
		},
		{
			title: 'Occupational therapy advice for the classroom',
			authorName: 'Olivia Grant',
			agency: 'Northshire Community Health',
			givenMonthsAgo: 2,
			reviewInMonths: 10,
			text: 'A sloping writing board and chunky pencil grips; the iPad for longer pieces of writing; movement breaks every 30 minutes.',
			addedBy: 'ot'
		},
		{
			title: 'Sensory team equipment assessment',
			authorName: 'Northshire Council sensory support team',
			agency: 'Northshire Council',
			givenMonthsAgo: 15,
			reviewInMonths: null,
			text: 'Jordan has a voice amplifier and an iPad on loan from the sensory support team. Staff should check the amplifier is charged each morning.',
			addedBy: 'caseworker'
		}
	],
	meetings: (today) => [
		{
			type: 'ehcp_annual_review',
			date: weekdayFrom(today, -400),
			location: 'Oakfield Primary School, library',
			chair: 'senco',
			invitees: everyone(team),
			done: 'all',
			doneBy: 'senco',
			minutes: {
				childViews: 'I want to get to the playground on my own, like everyone else.',
				familyViews: 'Jordan’s operation is booked for the spring. We want school ready for after.',
				working: ['The new voice amplifier. Friends who wait for him.', 6],
				notWorking: ['Getting round the classroom takes a long time.', 3],
				worries: ['How Jordan will manage after the operation.', 7],
				outcomes: [
					{
						key: 'moving',
						area: 'sensory_physical',
						text: 'By the summer, Jordan will move around the classroom on his own.',
						steps: 'Practise transfers daily with the teaching assistant.',
						progress: 2,
						evidence: 'Physio notes: one transfer a day with help.'
					},
					{
						key: 'answering',
						area: 'communication_interaction',
						text: 'Jordan will answer questions in class using his voice amplifier or iPad.',
						steps: 'One planned question for Jordan in each lesson.',
						progress: 3,
						evidence: 'Answers about twice a week (class log).'
					}
				],
				provision: {
					text: 'Voice amplifier and iPad, set up by the LA sensory team.',
					providedBy: 'LA sensory team',
					frequency: 'Every lesson',
					author: 'ot'
				},
				actions: [
					{
						text: 'Ask the sensory team to set up the iPad for class.',
						owner: 'ot',
						dueInDays: 21,
						status: 'done',
						evidence: 'Set up in the autumn term; staff trained.'
					}
				],
				decisions: ['Plan the support Jordan needs after his operation.'],
				nextReviewInDays: 365,
				recommendation: 'amend',
				amendments: [['I', 'Name the ground-floor classroom for Jordan’s class.']],
				laDecision: {
					decision: 'amend',
					inDays: 27,
					by: 'caseworker',
					note: 'Amended: section I names the ground-floor classroom.'
				}
			}
		},
		{
			type: 'ehcp_annual_review',
			date: weekdayFrom(today, -42),
			location: 'Oakfield Primary School, library',
			chair: 'senco',
			invitees: everyone(team, { ot: 'cannot_attend', physio: 'attending_online' }),
			// The review was held, but the report and the rewrite have stalled.
			done: ['invitations_sent', 'advice_circulated'],
			doneBy: 'senco',
			minutes: {
				childViews: 'I want to play football at break with my iPad team.',
				familyViews: 'Jordan’s operation went well. The plan still describes him before it.',
				working: ['The voice amplifier in class. Rest breaks after PE.', 7],
				notWorking: ['The physio programme has not been updated since the operation.', 2],
				worries: ['The plan rewrite is late, and staff follow an old programme.', 6],
				outcomes: [
					{
						key: 'moving',
						area: 'sensory_physical',
						text: 'By the summer, Jordan will move around the classroom on his own.',
						steps: 'Practise transfers daily with the teaching assistant.',
						progress: 5,
						evidence: 'Physio notes: two independent transfers a day.'
					},
					{
						key: 'answering',
						area: 'communication_interaction',
						text: 'Jordan will answer questions in class using his voice amplifier or iPad.',
						steps: 'One planned question for Jordan in each lesson.',
						progress: 6,
						evidence: 'Answers in most lessons; uses the iPad when tired (class log).'
					}
				],
				provision: {
					text: 'Physiotherapy programme, three sessions a week in school.',
					providedBy: 'Physiotherapist and teaching assistant',
					frequency: 'Three times a week',
					author: 'physio'
				},
				actions: [
					{
						text: 'Update the physiotherapy programme after the operation.',
						owner: 'physio',
						dueInDays: 14,
						status: 'done',
						evidence: 'New programme sent to school and the family; staff shown it.'
					},
					{
						text: 'Send the family the draft amended plan.',
						owner: 'caseworker',
						dueInDays: 28,
						status: 'open'
					},
					{
						text: 'Check the voice amplifier and iPad set-up with the sensory team.',
						owner: 'ot',
						dueInDays: 35,
						status: 'in_progress',
						forOutcome: true
					}
				],
				decisions: ['Rewrite sections B and F of the plan to reflect life after the operation.'],
				nextReviewInDays: 77,
				recommendation: 'amend',
				amendments: [
					['B', 'Describe Jordan’s needs after the operation.'],
					['F', 'The new physiotherapy programme, three sessions a week.']
				]
			}
		},
		{
			type: 'ehcp_interim_review',
			date: weekdayFrom(today, 35),
			location: 'Oakfield Primary School, library',
			chair: 'senco',
			invitees: [
				{ person: 'jordanParent', rsvp: 'attending' },
				{ person: 'senco', rsvp: 'attending' },
				{ person: 'teacher' },
				{ person: 'physio', rsvp: 'attending' },
				{ person: 'ot' },
				{ person: 'caseworker', rsvp: 'attending_online' }
			],
			done: [],
			doneBy: 'senco',
			minutes: null
		}
	]
};
