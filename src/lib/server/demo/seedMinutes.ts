import { and, asc, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { meetingDocumentName, restrictedDocumentName } from '../../shared/collab/documentName.ts';
import {
	addAction,
	addAmendment,
	addDecision,
	addDisagreement,
	addDisagreementView,
	addOutcome,
	addProvision,
	initMeetingDoc,
	itemFieldId,
	linkActionToOutcome,
	readActions,
	readAttendance,
	setActionDueDate,
	setActionOwner,
	setActionStatus,
	setAttendanceStatus,
	setColumnScale,
	setFieldText,
	setNextReviewDate,
	setRecommendation,
	type ActionStatus,
	type AreaOfNeed,
	type EhcpPlanSection,
	type EhcpRecommendation
} from '../../shared/collab/meetingDoc.ts';
import {
	addRestrictedNote,
	initRestrictedDoc,
	type RestrictedCategory
} from '../../shared/collab/restrictedDoc.ts';
import { shiftDate, ukDateOf } from '../../shared/domain/ukCalendar.ts';
import { appendUpdates, writeState } from '../collab/documentStore.ts';
import { loadMeetingDocSeed } from '../services/meetings/meetingDocSeed.ts';
import { projectMeetingDoc } from '../services/meetings/projectMeetingDoc.ts';
import { freezeMinutes } from '../services/minutes/minutesVersions.ts';
import type { Database } from '../db/client.ts';
import { meetings, teamMembers, users } from '../db/schema.ts';

/**
 * What the demo's closed meetings recorded, so that every demo child has minutes (version
 * 1, frozen at the close), actions with owners in "My actions" — some done with evidence,
 * some overdue — and, for Maya, an action carried from one TAF review into the next.
 * Dates are relative to each meeting, which seedMeetings.ts dates from the seeding day.
 */

interface DemoAction {
	text: string;
	owner: string;
	dueInDays: number;
	status: ActionStatus;
	evidence?: string;
	forOutcome?: boolean;
}

interface DemoMinutes {
	childViews: string;
	familyViews: string;
	working: [string, number];
	notWorking: [string, number];
	worries: [string, number];
	outcome: { area: AreaOfNeed; text: string; steps: string; progress: number; evidence: string };
	provision: { text: string; providedBy: string; frequency: string; author: string };
	actions: DemoAction[];
	decisions: string[];
	disagreement?: { point: string; views: [person: string, view: string][] };
	nextReviewInDays: number;
	recommendation?: EhcpRecommendation;
	amendments?: [EhcpPlanSection, string][];
	restricted?: { category: RestrictedCategory; author: string; text: string }[];
	/** An action carried from the previous meeting is now under way. */
	carriedInProgress?: boolean;
}

/** Each child's closed meetings, oldest first. */
const DEMO_MINUTES: Record<string, DemoMinutes[]> = {
	Aaron: [
		{
			childViews: 'I like drums and the trampoline. I want my friends to know my signs.',
			familyViews:
				'At home Aaron uses about 30 signs. We would like everyone at school to learn them.',
			working: ['Adults wait ten seconds before helping. The picture timetable helps.', 6],
			notWorking: ['The lunch hall is noisy and Aaron leaves his food.', 3],
			worries: ['He gets upset when adults do not understand his signs.', 4],
			outcome: {
				area: 'communication_interaction',
				text: 'By the end of Year 2, Aaron will ask for help using his signs or words.',
				steps: 'Use the “help” and “finished” signs at snack time.',
				progress: 4,
				evidence: 'TA log: asks for help 2 to 3 times a week.'
			},
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
			amendments: [['F', 'Add the shared sign list and ten seconds’ wait time to the provision.']]
		}
	],
	Jordan: [
		{
			childViews: 'I want to play football at break with my iPad team.',
			familyViews: 'Jordan’s operation went well. The plan still describes him before it.',
			working: ['The voice amplifier in class. Rest breaks after PE.', 7],
			notWorking: ['The physio programme has not been updated since the operation.', 2],
			worries: ['The plan rewrite is late, and staff follow an old programme.', 6],
			outcome: {
				area: 'sensory_physical',
				text: 'By the summer, Jordan will move around the classroom on his own.',
				steps: 'Practise transfers daily with the teaching assistant.',
				progress: 5,
				evidence: 'Physio notes: two independent transfers a day.'
			},
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
	],
	Maya: [
		{
			childViews: 'Maya pointed to the bubbles and the sand tray when asked what she likes.',
			familyViews: 'Maya says a few words at home in Bengali and English. We want help early.',
			working: ['Maya settles well with her key person.', 7],
			notWorking: ['She gets frustrated when she cannot be understood.', 4],
			worries: ['Her speech is behind for her age at the 24-month check.', 6],
			outcome: {
				area: 'communication_interaction',
				text: 'Maya will use ten words or signs to ask for what she wants.',
				steps: 'Picture cards at snack time; repeat and add one word.',
				progress: 3,
				evidence: 'Key person notes: five words used at nursery.'
			},
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
		},
		{
			childViews: 'Maya showed us the picture cards she uses at snack time.',
			familyViews: 'We use the picture cards at home too. Maya is saying more words.',
			working: ['Picture cards at snack time and at home.', 8],
			notWorking: ['Waiting for the speech and language assessment.', 4],
			worries: ['The assessment has not happened yet.', 5],
			outcome: {
				area: 'communication_interaction',
				text: 'Maya will use ten words or signs to ask for what she wants.',
				steps: 'Add two new picture cards each week.',
				progress: 6,
				evidence: 'Key person notes: eight words used at nursery.'
			},
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
	],
	Connor: [
		{
			childViews: 'I want to go to a secondary school with a library and a quiet room.',
			familyViews: 'Connor worries about big crowds. Visiting early would help him.',
			working: ['A trusted adult to talk to each morning.', 6],
			notWorking: ['Busy corridors and changes to the timetable.', 3],
			worries: ['The move to secondary school.', 7],
			outcome: {
				area: 'social_emotional_mental_health',
				text: 'Connor will tell an adult when he feels worried, using his worry scale.',
				steps: 'Morning check-in with the worry scale.',
				progress: 6,
				evidence: 'Uses the worry scale most mornings (class log).'
			},
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
			restricted: [
				{
					category: 'social_care',
					author: 'socialworker',
					text: 'Connor is looked after; his care plan was reviewed last month. CAMHS are involved: contact the social worker before sharing any detail.'
				}
			]
		}
	]
};

async function namesAndAgencies(db: Database, childId: string) {
	const rows = await db
		.select({ id: users.id, name: users.name, agency: teamMembers.agency })
		.from(teamMembers)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.where(eq(teamMembers.childId, childId));
	return new Map(rows.map((row) => [row.id, row]));
}

function fill(
	doc: Y.Doc,
	content: DemoMinutes,
	meetingDate: string,
	people: (key: string) => { id: string; name: string; agency: string },
	chairId: string,
	closedAt: Date
): void {
	const author = { userId: chairId, at: closedAt };
	for (const attendee of readAttendance(doc)) {
		if (attendee.status === 'expected') setAttendanceStatus(doc, attendee.id, 'present');
	}
	setFieldText(doc, 'childViews', content.childViews);
	setFieldText(doc, 'familyViews', content.familyViews);
	setFieldText(doc, 'working', content.working[0]);
	setColumnScale(doc, 'working', content.working[1]);
	setFieldText(doc, 'notWorking', content.notWorking[0]);
	setColumnScale(doc, 'notWorking', content.notWorking[1]);
	setFieldText(doc, 'worries', content.worries[0]);
	setColumnScale(doc, 'worries', content.worries[1]);
	const outcomeId = addOutcome(doc, {
		areaOfNeed: content.outcome.area,
		text: content.outcome.text,
		steps: content.outcome.steps,
		progress: content.outcome.progress,
		evidence: content.outcome.evidence
	});
	const provider = people(content.provision.author);
	addProvision(doc, {
		text: content.provision.text,
		providedBy: content.provision.providedBy,
		frequency: content.provision.frequency,
		authorUserId: provider.id,
		authorName: provider.name,
		date: meetingDate,
		reviewBy: shiftDate(meetingDate, { days: content.nextReviewInDays })
	});
	if (content.carriedInProgress) {
		for (const carried of readActions(doc).filter((action) => action.carriedFrom)) {
			setActionStatus(doc, carried.id, 'in_progress', author);
		}
	}
	for (const action of content.actions) {
		const owner = people(action.owner);
		const id = addAction(doc, { text: action.text }, author);
		setActionOwner(doc, id, { userId: owner.id, agency: owner.agency }, author);
		setActionDueDate(doc, id, shiftDate(meetingDate, { days: action.dueInDays }), author);
		if (action.forOutcome) linkActionToOutcome(doc, id, outcomeId);
		if (action.status !== 'open') setActionStatus(doc, id, action.status, author);
		if (action.evidence) setFieldText(doc, itemFieldId('actions', id, 'evidence'), action.evidence);
	}
	for (const decision of content.decisions) addDecision(doc, decision);
	if (content.disagreement) {
		const id = addDisagreement(doc, content.disagreement.point);
		for (const [key, view] of content.disagreement.views) {
			const holder = people(key);
			addDisagreementView(doc, id, {
				heldByUserId: holder.id,
				heldByName: holder.name,
				text: view
			});
		}
	}
	setNextReviewDate(doc, shiftDate(meetingDate, { days: content.nextReviewInDays }));
	if (content.recommendation) setRecommendation(doc, content.recommendation);
	for (const [section, text] of content.amendments ?? []) addAmendment(doc, section, text);
}

/** Stores a document as the live server would: one logged update, and the state it makes. */
async function store(db: Database, name: string, doc: Y.Doc, userId: string, at: Date) {
	const state = Y.encodeStateAsUpdate(doc);
	const seq = await appendUpdates(db, [
		{ documentName: name, update: state, userId, receivedAt: at }
	]);
	if (seq !== null) await writeState(db, name, state, seq);
}

/** Seeds minutes for every closed demo meeting; pass the transaction that seeds the rest. */
export async function seedDemoMinutes(
	db: Database,
	childIds: Map<string, string>,
	userIds: Map<string, string>
): Promise<void> {
	for (const [childName, contents] of Object.entries(DEMO_MINUTES)) {
		const childId = childIds.get(childName);
		if (!childId) throw new Error(`Demo minutes refer to unknown child "${childName}".`);
		const team = await namesAndAgencies(db, childId);
		const people = (key: string) => {
			const person = team.get(userIds.get(key) ?? '');
			if (!person) throw new Error(`Demo minutes refer to "${key}", not in ${childName}’s team.`);
			return person;
		};
		const closed = await db
			.select()
			.from(meetings)
			.where(and(eq(meetings.childId, childId), inArray(meetings.status, ['closed'])))
			.orderBy(asc(meetings.startsAt));
		for (const [index, meeting] of closed.entries()) {
			const content = contents[index];
			if (!content || !meeting.closedAt || !meeting.chairId) continue;
			// Created as it would have been on the day, carrying the previous meeting's open actions.
			const seed = await loadMeetingDocSeed(db, meeting.id, meeting.startsAt);
			if (!seed) continue;
			const doc = new Y.Doc();
			initMeetingDoc(doc, seed);
			fill(doc, content, ukDateOf(meeting.startsAt), people, meeting.chairId, meeting.closedAt);
			await store(db, meetingDocumentName(meeting.id), doc, meeting.chairId, meeting.closedAt);
			if (content.restricted) {
				const restricted = new Y.Doc();
				initRestrictedDoc(restricted, meeting.id);
				for (const note of content.restricted) {
					const writer = people(note.author);
					addRestrictedNote(restricted, {
						category: note.category,
						text: note.text,
						authorUserId: writer.id,
						authorName: writer.name,
						createdAt: meeting.startsAt.toISOString()
					});
				}
				await store(
					db,
					restrictedDocumentName(meeting.id),
					restricted,
					meeting.chairId,
					meeting.closedAt
				);
			}
			await projectMeetingDoc(db, meeting, doc);
			await freezeMinutes(db, {
				meetingId: meeting.id,
				closedBy: meeting.chairId,
				closedAt: meeting.closedAt
			});
		}
	}
}
