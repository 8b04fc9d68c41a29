import { everyone, weekdayFrom, type DemoStory, type DemoTeamMember } from '../story.ts';

/**
 * Maya (DOMAIN.md): Team Around the Family reviews every 6 to 12 weeks, the next one
 * booked; an action from the first is carried into the second.
 */

const team: DemoTeamMember[] = [
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
];

export const maya: DemoStory = {
	child: {
		firstName: 'Maya',
		lastName: 'Begum',
		dateOfBirth: { monthsAgo: 30 },
		setting: 'Little Acorns Nursery',
		yearGroup: null,
		planType: 'early_help',
		organisation: 'acorns',
		strengths: 'Curious and sociable; loves music, bubbles and the sand tray.',
		areasOfNeed: ['communication_interaction'],
		team
	},
	advice: [
		{
			title: 'Health visitor’s two-year review',
			authorName: 'Ruth Campbell',
			agency: 'Northshire Community Health',
			givenMonthsAgo: 6,
			reviewInMonths: 1,
			text: 'At her two-year check Maya used about ten single words and pointed to show what she wanted. Referred to speech and language therapy; hearing test booked.',
			addedBy: 'healthvisitor'
		},
		{
			title: 'Speech and language advice for nursery',
			authorName: 'Sam Okafor',
			agency: 'Northshire Community Health',
			givenMonthsAgo: 1,
			reviewInMonths: 3,
			text: 'Name what Maya is doing in short phrases as she plays; offer two choices at snack time; sing the same songs each day with actions.',
			addedBy: 'salt'
		}
	],
	meetings: (today) => [
		{
			type: 'taf_review',
			date: weekdayFrom(today, -133),
			location: 'Little Acorns Nursery',
			chair: 'keyperson',
			invitees: everyone(team),
			done: [],
			doneBy: 'keyperson',
			minutes: {
				childViews: 'Maya pointed to the bubbles and the sand tray when asked what she likes.',
				familyViews: 'Maya says a few words at home in Bengali and English. We want help early.',
				working: ['Maya settles well with her key person.', 7],
				notWorking: ['She gets frustrated when she cannot be understood.', 4],
				worries: ['Her speech is behind for her age at the 24-month check.', 6],
				outcomes: [
					{
						key: 'tenWords',
						area: 'communication_interaction',
						text: 'Maya will use ten words or signs to ask for what she wants.',
						steps: 'Picture cards at snack time; repeat and add one word.',
						progress: 3,
						evidence: 'Key person notes: five words used at nursery.'
					}
				],
				provision: {
					text: 'Small-group language play, 15 minutes each session.',
					providedBy: 'Nursery key person',
					frequency: 'Every session',
					author: 'keyperson'
				},
				actions: [
					{
						text: 'Refer Maya to the speech and language therapy service.',
						owner: 'healthvisitor',
						dueInDays: 14,
						status: 'done',
						evidence: 'Referral accepted; assessment booked.'
					},
					{
						text: 'Assess Maya’s speech and language at nursery.',
						owner: 'salt',
						dueInDays: 42,
						status: 'open',
						forOutcome: true
					},
					{
						text: 'Find a stay-and-play group near home.',
						owner: 'familysupport',
						dueInDays: 21,
						status: 'done',
						evidence: 'Maya and her mum go to the Tuesday group at the children’s centre.'
					}
				],
				decisions: ['Continue the TAF plan and review in 12 weeks.'],
				nextReviewInDays: 84
			}
		},
		{
			type: 'taf_review',
			date: weekdayFrom(today, -49),
			location: 'Little Acorns Nursery',
			chair: 'keyperson',
			invitees: everyone(team, { healthvisitor: 'attending_online' }),
			done: [],
			doneBy: 'keyperson',
			minutes: {
				childViews: 'Maya showed us the picture cards she uses at snack time.',
				familyViews: 'We use the picture cards at home too. Maya is saying more words.',
				working: ['Picture cards at snack time and at home.', 8],
				notWorking: ['Waiting for the speech and language assessment.', 4],
				worries: ['The assessment has not happened yet.', 5],
				outcomes: [
					{
						key: 'tenWords',
						area: 'communication_interaction',
						text: 'Maya will use ten words or signs to ask for what she wants.',
						steps: 'Add two new picture cards each week.',
						progress: 6,
						evidence: 'Key person notes: eight words used at nursery.'
					},
					{
						key: 'songs',
						area: 'communication_interaction',
						text: 'Maya will join in with actions to two songs at group time.',
						steps: 'The key person sits beside her at song time.',
						progress: 4,
						evidence: 'Joins in with “Wind the bobbin up” most days (key person notes).'
					}
				],
				provision: {
					text: 'Picture cards at snack time, at nursery and at home.',
					providedBy: 'Nursery key person and family',
					frequency: 'Daily',
					author: 'keyperson'
				},
				actions: [
					{
						text: 'Share Maya’s picture cards with her family in Bengali and English.',
						owner: 'keyperson',
						dueInDays: 60,
						status: 'open',
						forOutcome: true
					}
				],
				decisions: ['Continue the TAF plan; escalate if the assessment is not done in 6 weeks.'],
				nextReviewInDays: 63,
				carriedInProgress: true
			}
		},
		{
			type: 'taf_review',
			date: weekdayFrom(today, 14),
			location: 'Little Acorns Nursery',
			onlineLink: 'https://meet.example.org/acorns-maya-taf',
			chair: 'keyperson',
			invitees: [
				{ person: 'mayaParent', rsvp: 'attending' },
				{ person: 'keyperson', rsvp: 'attending' },
				{ person: 'salt', rsvp: 'attending_online' },
				{ person: 'healthvisitor' },
				{ person: 'familysupport', rsvp: 'attending' }
			],
			done: [],
			doneBy: 'keyperson',
			minutes: null
		}
	]
};
