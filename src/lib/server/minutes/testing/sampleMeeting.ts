import * as Y from 'yjs';
import {
	addAction,
	addAmendment,
	addDecision,
	addDisagreement,
	addDisagreementView,
	addOutcome,
	addProvision,
	initMeetingDoc,
	linkActionToOutcome,
	readAttendance,
	setActionDueDate,
	setActionOwner,
	setActionStatus,
	setAttendanceStatus,
	setColumnScale,
	setFieldText,
	setNextReviewDate,
	setRecommendation,
	itemFieldId
} from '../../../shared/collab/meetingDoc.ts';
import { addRestrictedNote, initRestrictedDoc } from '../../../shared/collab/restrictedDoc.ts';
import type { MinutesCasework } from '../minutesModel.ts';

/**
 * A real meeting document filled through meetingDoc's change functions, with its
 * casework: Aaron's annual review, for tests of the minutes, the exports and the
 * benchmark. `actions` and `extraText` make it as big as needed; `payload` puts the
 * given text into every free-text field (attack strings, right-to-left text, emoji).
 */

export const SAMPLE_IDS = {
	meeting: '6f1c1a52-0a7e-4d1b-9a55-1f1c2b3d4e5f',
	child: 'c0ffee00-0000-4000-8000-000000000001',
	earlierMeeting: '2a4b6c8d-0e1f-4a3b-8c5d-6e7f8a9b0c1d',
	senco: 'b3f7e2a0-1111-4a3b-8c5d-000000000001',
	salt: 'b3f7e2a0-1111-4a3b-8c5d-000000000002',
	parent: 'b3f7e2a0-1111-4a3b-8c5d-000000000003',
	socialWorker: 'b3f7e2a0-1111-4a3b-8c5d-000000000004'
} as const;

export const SAMPLE_PEOPLE: Record<string, string> = {
	[SAMPLE_IDS.senco]: 'Priya Shah',
	[SAMPLE_IDS.salt]: 'Sam Okafor',
	[SAMPLE_IDS.parent]: 'Sarah Thompson',
	[SAMPLE_IDS.socialWorker]: 'Claire Douglas'
};

export interface SampleOptions {
	/** How many actions besides the three named ones (default 0). */
	actions?: number;
	/** Characters of extra prose spread over the views and worries (default 0). */
	extraText?: number;
	/** Written into every free-text field when set. */
	payload?: string;
}

export interface SampleMeeting {
	doc: Y.Doc;
	restrictedDoc: Y.Doc;
	casework: MinutesCasework;
}

const AUTHOR = { userId: SAMPLE_IDS.senco, at: new Date('2027-03-12T10:30:00Z') };

const PROSE =
	'Aaron enjoys music and copies new signs quickly. He asks for help with “more” and “finished”. ';

function prose(characters: number): string {
	return PROSE.repeat(Math.ceil(characters / PROSE.length)).slice(0, characters);
}

export function sampleMeeting(options: SampleOptions = {}): SampleMeeting {
	const text = (value: string) => options.payload ?? value;
	const doc = new Y.Doc();
	initMeetingDoc(doc, {
		meetingId: SAMPLE_IDS.meeting,
		childId: SAMPLE_IDS.child,
		meetingType: 'ehcp_annual_review',
		agenda: [
			{ title: 'Welcome and introductions' },
			{ title: 'What is working and what is not working' },
			{ title: 'Actions, who will do them and by when' }
		],
		attendees: [
			{
				userId: SAMPLE_IDS.senco,
				name: 'Priya Shah',
				role: 'senco',
				agency: 'Oakfield Primary School'
			},
			{ userId: SAMPLE_IDS.parent, name: 'Sarah Thompson', role: 'parent_carer', agency: 'Family' },
			{
				userId: SAMPLE_IDS.salt,
				name: 'Sam Okafor',
				role: 'salt',
				agency: 'Northshire Community Health',
				status: 'apologies'
			},
			{
				userId: SAMPLE_IDS.socialWorker,
				name: 'Claire Douglas',
				role: 'social_worker',
				agency: 'Northshire Children’s Services'
			}
		],
		contributions: [
			{
				authorUserId: SAMPLE_IDS.salt,
				authorName: 'Sam Okafor',
				role: 'salt',
				agency: 'Northshire Community Health',
				submittedAt: '2027-03-01T09:00:00Z',
				text: text('Aaron now uses about 20 signs at school.\nKeep the daily SaLT work.')
			}
		],
		carriedActions: [
			{
				actionId: 'earlier-action-1',
				meetingId: SAMPLE_IDS.earlierMeeting,
				firstRaisedAt: '2026-03-05T10:00:00Z',
				text: text('Share the list of home signs with every adult in school'),
				ownerUserId: SAMPLE_IDS.senco,
				ownerAgency: 'Oakfield Primary School',
				dueDate: '2026-04-30',
				status: 'in_progress',
				outcomeId: null,
				history: []
			}
		],
		now: '2027-03-12T10:00:00Z'
	});
	const attendance = readAttendance(doc);
	for (const attendee of attendance) {
		if (attendee.userId === SAMPLE_IDS.senco || attendee.userId === SAMPLE_IDS.parent)
			setAttendanceStatus(doc, attendee.id, 'present');
	}

	const extra = options.extraText ?? 0;
	setFieldText(
		doc,
		'childViews',
		text(`I like the drums. I want to sign with my friends.${extra ? `\n${prose(extra / 2)}` : ''}`)
	);
	setFieldText(doc, 'familyViews', text('We use home signs. We would like school to learn them.'));
	setFieldText(doc, 'working', text('Adults wait ten seconds before helping.'));
	setColumnScale(doc, 'working', 7);
	setFieldText(doc, 'notWorking', text('The lunch hall is too noisy.'));
	setFieldText(
		doc,
		'worries',
		text(`Moving class next year.${extra ? `\n${prose(extra / 2)}` : ''}`)
	);
	setColumnScale(doc, 'worries', 4);

	const outcomeId = addOutcome(doc, {
		areaOfNeed: 'communication_interaction',
		text: text('By the end of Key Stage 1, Aaron will ask for help using his signs or words'),
		steps: text('Use “help” and “finished” signs at snack time'),
		progress: 6,
		evidence: text('Asked for help 4 times in a week (TA log)')
	});
	addProvision(doc, {
		text: text('20 minutes of SaLT-guided work daily'),
		providedBy: 'Teaching assistant',
		frequency: 'Daily',
		authorUserId: SAMPLE_IDS.salt,
		authorName: 'Sam Okafor',
		date: '2027-03-01',
		reviewBy: '2027-07-15'
	});

	const teach = addAction(
		doc,
		{ text: text('Teach the class five of Aaron’s home signs') },
		AUTHOR
	);
	setActionOwner(
		doc,
		teach,
		{ userId: SAMPLE_IDS.salt, agency: 'Northshire Community Health' },
		AUTHOR
	);
	setActionDueDate(doc, teach, '2027-04-16', AUTHOR);
	linkActionToOutcome(doc, teach, outcomeId);
	const visit = addAction(doc, { text: text('Arrange a quiet space at lunchtime') }, AUTHOR);
	setActionOwner(
		doc,
		visit,
		{ userId: SAMPLE_IDS.senco, agency: 'Oakfield Primary School' },
		AUTHOR
	);
	setActionDueDate(doc, visit, '2027-03-26', AUTHOR);
	setActionStatus(doc, visit, 'done', AUTHOR);
	setFieldText(
		doc,
		itemFieldId('actions', visit, 'evidence'),
		text('Quiet table in the library from 15 March')
	);
	for (let index = 0; index < (options.actions ?? 0); index++) {
		const id = addAction(doc, { text: text(`Extra action ${index + 1}: ${prose(120)}`) }, AUTHOR);
		const owner = index % 2 === 0 ? SAMPLE_IDS.salt : SAMPLE_IDS.senco;
		setActionOwner(
			doc,
			id,
			{
				userId: owner,
				agency: index % 2 === 0 ? 'Northshire Community Health' : 'Oakfield Primary School'
			},
			AUTHOR
		);
		setActionDueDate(
			doc,
			id,
			`2027-${String((index % 9) + 4).padStart(2, '0')}-${String((index % 27) + 1).padStart(2, '0')}`,
			AUTHOR
		);
	}

	addDecision(doc, text('Keep the daily speech and language sessions'));
	const disagreement = addDisagreement(doc, text('Whether Aaron needs a full-time TA'));
	addDisagreementView(doc, disagreement, {
		heldByUserId: SAMPLE_IDS.parent,
		heldByName: 'Sarah Thompson',
		text: text('Yes: he needs an adult with him all day.')
	});
	addDisagreementView(doc, disagreement, {
		heldByUserId: SAMPLE_IDS.senco,
		heldByName: 'Priya Shah',
		text: text('Not yet: try the quiet space first.')
	});
	setNextReviewDate(doc, '2028-03-10');
	setRecommendation(doc, 'amend');
	addAmendment(doc, 'F', text('Add a shared list of Aaron’s signs for every adult'));

	const restrictedDoc = new Y.Doc();
	initRestrictedDoc(restrictedDoc, SAMPLE_IDS.meeting);
	addRestrictedNote(restrictedDoc, {
		category: 'social_care',
		text: text('Child in need plan reviewed on 1 March.'),
		authorUserId: SAMPLE_IDS.socialWorker,
		authorName: 'Claire Douglas',
		createdAt: '2027-03-12T10:20:00Z'
	});

	const casework: MinutesCasework = {
		meeting: {
			id: SAMPLE_IDS.meeting,
			type: 'ehcp_annual_review',
			startsAt: new Date('2027-03-12T10:00:00Z'),
			location: 'Oakfield Primary School, meeting room 2',
			chairName: 'Priya Shah'
		},
		child: {
			firstName: 'Aaron',
			preferredName: null,
			dateOfBirth: '2019-03-01',
			setting: 'Oakfield Primary School'
		},
		people: SAMPLE_PEOPLE,
		meetingDates: { [SAMPLE_IDS.earlierMeeting]: '2026-03-05' }
	};
	return { doc, restrictedDoc, casework };
}
