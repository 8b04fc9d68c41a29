import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	actionsNeedingAttention,
	addAction,
	addAgendaItem,
	addAmendment,
	addAttendee,
	addContribution,
	addDecision,
	addDisagreement,
	addDisagreementView,
	addOutcome,
	addProvision,
	fieldFragment,
	fieldText,
	initMeetingDoc,
	isSectionLocked,
	linkActionToOutcome,
	MEETING_DOC_SCHEMA_VERSION,
	MeetingDocTooNewError,
	migrateMeetingDoc,
	moveListItem,
	readMeetingDoc,
	removeDisagreementView,
	removeListItem,
	renameAgendaItem,
	sectionOfField,
	sectionsTouched,
	setActionDueDate,
	setActionOwner,
	setActionStatus,
	setAgendaItemDone,
	setAgendaTimer,
	setAmendmentSection,
	setAttendanceStatus,
	setColumnScale,
	setCurrentAgendaItem,
	setFieldText,
	setNextReviewDate,
	setOutcomeAreaOfNeed,
	setOutcomeProgress,
	setRecommendation,
	setSectionLocked,
	updateProvision,
	type MeetingDocSeed
} from './meetingDoc.ts';

const MEETING = '6f1c1a52-0a7e-4d1b-9a55-1f1c2b3d4e5f';
const EARLIER_MEETING = '2a4b6c8d-0e1f-4a3b-8c5d-6e7f8a9b0c1d';
const SENCO = 'b3f7e2a0-1111-4a3b-8c5d-000000000001';
const SALT = 'b3f7e2a0-1111-4a3b-8c5d-000000000002';
const PARENT = 'b3f7e2a0-1111-4a3b-8c5d-000000000003';
const by = (userId: string) => ({ userId, at: new Date('2026-11-24T10:00:00Z') });

function seed(overrides: Partial<MeetingDocSeed> = {}): MeetingDocSeed {
	return {
		meetingId: MEETING,
		childId: 'c0ffee00-0000-4000-8000-000000000001',
		meetingType: 'ehcp_annual_review',
		agenda: [
			{ id: 'welcome', title: 'Welcome and introductions' },
			{ id: 'views', title: 'Aaron’s views' }
		],
		attendees: [
			{ userId: SENCO, name: 'Priya Shah', role: 'senco', agency: 'Oak Primary' },
			{ userId: PARENT, name: 'Dee Lewis', role: 'parent_carer', agency: 'Family' }
		],
		contributions: [
			{
				authorUserId: SALT,
				authorName: 'Sam Okafor',
				role: 'salt',
				agency: 'NHS SaLT',
				submittedAt: '2026-11-20T09:00:00Z',
				text: 'Aaron now uses 20 signs.\nHe asks for help with a sign.'
			}
		],
		carriedActions: [
			{
				actionId: 'old-action',
				meetingId: EARLIER_MEETING,
				firstRaisedAt: '2026-05-01T10:00:00Z',
				text: 'Teach staff Aaron’s home signs',
				ownerUserId: SALT,
				ownerAgency: 'NHS SaLT',
				dueDate: '2026-06-30',
				status: 'in_progress',
				outcomeId: 'earlier-outcome',
				history: [
					{
						at: '2026-05-01T10:00:00Z',
						byUserId: SENCO,
						meetingId: EARLIER_MEETING,
						kind: 'created',
						value: null
					}
				]
			}
		],
		now: '2026-11-24T09:00:00Z',
		...overrides
	};
}

function newDoc(): Y.Doc {
	const doc = new Y.Doc();
	initMeetingDoc(doc, seed());
	return doc;
}

/** Two replicas that exchange every update, as the server relays them. */
function linkedPair(): { a: Y.Doc; b: Y.Doc } {
	const a = newDoc();
	const b = new Y.Doc();
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	return { a, b };
}

function sync(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('initMeetingDoc', () => {
	it('creates the document from casework: agenda, attendees, contributions, carried actions', () => {
		const doc = newDoc();
		const meeting = readMeetingDoc(doc);
		expect(meeting.schemaVersion).toBe(MEETING_DOC_SCHEMA_VERSION);
		expect(meeting.meetingId).toBe(MEETING);
		expect(meeting.meetingType).toBe('ehcp_annual_review');
		expect(meeting.agenda.items.map((item) => item.title)).toEqual([
			'Welcome and introductions',
			'Aaron’s views'
		]);
		expect(meeting.agenda.currentIndex).toBeNull();
		expect(meeting.attendance.map((a) => [a.name, a.status])).toEqual([
			['Priya Shah', 'expected'],
			['Dee Lewis', 'expected']
		]);
		expect(meeting.contributions[0]?.text.text).toBe(
			'Aaron now uses 20 signs.\nHe asks for help with a sign.'
		);
		const [carried] = meeting.actions;
		expect(carried?.carriedFrom).toEqual({
			actionId: 'old-action',
			meetingId: EARLIER_MEETING,
			firstRaisedAt: '2026-05-01T10:00:00Z'
		});
		expect(carried?.status).toBe('in_progress');
		expect(carried?.ownerUserId).toBe(SALT);
		// The earlier outcome id means nothing in this meeting.
		expect(carried?.outcomeId).toBeNull();
		expect(carried?.history.map((entry) => [entry.kind, entry.meetingId])).toEqual([
			['created', EARLIER_MEETING],
			['carried_forward', MEETING]
		]);
		expect(meeting.lockedSections).toEqual([]);
	});

	it('does nothing to a document that is already initialised', () => {
		const doc = newDoc();
		expect(initMeetingDoc(doc, seed())).toBe(false);
		expect(readMeetingDoc(doc).agenda.items).toHaveLength(2);
	});
});

describe('change functions', () => {
	it('runs the agenda: add, rename, done, move, current item, timer, remove', () => {
		const doc = newDoc();
		const aob = addAgendaItem(doc, 'Any other business');
		renameAgendaItem(doc, aob, 'Questions');
		setAgendaItemDone(doc, 'welcome', true);
		moveListItem(doc, 'agenda', aob, 0);
		setCurrentAgendaItem(doc, 'views');
		setAgendaTimer(doc, '2026-11-24T10:15:00Z');
		let agenda = readMeetingDoc(doc).agenda;
		expect(agenda.items.map((item) => [item.title, item.done])).toEqual([
			['Questions', false],
			['Welcome and introductions', true],
			['Aaron’s views', false]
		]);
		expect(agenda.currentIndex).toBe(2);
		expect(agenda.timerEndsAt).toBe('2026-11-24T10:15:00Z');
		moveListItem(doc, 'agenda', aob, 1);
		expect(readMeetingDoc(doc).agenda.items.map((item) => item.id)).toEqual([
			'welcome',
			aob,
			'views'
		]);
		expect(removeListItem(doc, 'agenda', 'views')).toBe(true);
		expect(removeListItem(doc, 'agenda', 'views')).toBe(false);
		setAgendaTimer(doc, null);
		agenda = readMeetingDoc(doc).agenda;
		// The current item was removed: nobody is on an item any more.
		expect(agenda.currentIndex).toBeNull();
		expect(agenda.timerEndsAt).toBeNull();
		expect(() => setCurrentAgendaItem(doc, 'missing')).toThrow(RangeError);
		expect(() => setAgendaTimer(doc, 'soon')).toThrow(RangeError);
	});

	it('records attendance, apologies and written contributions', () => {
		const doc = newDoc();
		const interpreter = addAttendee(doc, {
			userId: null,
			name: 'Ana Silva',
			role: 'other',
			agency: 'Interpreting service',
			status: 'present'
		});
		const [priya] = readMeetingDoc(doc).attendance;
		setAttendanceStatus(doc, priya?.id ?? '', 'apologies');
		addContribution(doc, {
			authorUserId: null,
			authorName: 'Dr Rees',
			role: 'ep',
			agency: 'EP service',
			submittedAt: null,
			text: 'Written advice'
		});
		const meeting = readMeetingDoc(doc);
		expect(meeting.attendance.find((a) => a.id === interpreter)).toMatchObject({
			userId: null,
			status: 'present'
		});
		expect(meeting.attendance[0]?.status).toBe('apologies');
		expect(meeting.contributions.map((c) => c.text.text)).toContain('Written advice');
		expect(() => setAttendanceStatus(doc, interpreter, 'late' as 'present')).toThrow(RangeError);
	});

	it('writes the views and the three columns with their scales', () => {
		const doc = newDoc();
		setFieldText(doc, 'childViews', 'I like the sandpit.\nI don’t like loud assembly.');
		setFieldText(doc, 'familyViews', 'He signs at home all the time.');
		setFieldText(doc, 'working', 'Visual timetable');
		setFieldText(doc, 'notWorking', 'Assemblies');
		setFieldText(doc, 'worries', 'Transition to Year 3');
		setColumnScale(doc, 'working', 7);
		setColumnScale(doc, 'notWorking', 3);
		setColumnScale(doc, 'worries', 0);
		const meeting = readMeetingDoc(doc);
		expect(meeting.childViews).toEqual({
			fieldId: 'childViews',
			text: 'I like the sandpit.\nI don’t like loud assembly.'
		});
		expect(meeting.familyViews.text).toBe('He signs at home all the time.');
		expect(meeting.workingAndWorries).toMatchObject({
			working: { text: 'Visual timetable' },
			workingScale: 7,
			notWorking: { text: 'Assemblies' },
			notWorkingScale: 3,
			worries: { text: 'Transition to Year 3' },
			worriesScale: 0
		});
		setColumnScale(doc, 'worries', null);
		expect(readMeetingDoc(doc).workingAndWorries.worriesScale).toBeNull();
		expect(() => setColumnScale(doc, 'working', 11)).toThrow(RangeError);
		expect(() => setColumnScale(doc, 'working', 2.5)).toThrow(RangeError);
		expect(() => setFieldText(doc, 'nonsense', 'x')).toThrow(RangeError);
	});

	it('records outcomes with progress and evidence, and provision with author and dates', () => {
		const doc = newDoc();
		const outcome = addOutcome(doc, {
			areaOfNeed: 'communication_interaction',
			text: 'Aaron will ask for help using signs or words',
			steps: 'Model the sign for help'
		});
		setOutcomeProgress(doc, outcome, 6);
		setOutcomeAreaOfNeed(doc, outcome, 'cognition_learning');
		setFieldText(doc, `outcomes:${outcome}:evidence`, 'Observed 4 times this week');
		const provision = addProvision(doc, {
			text: '20 minutes of SaLT-guided work',
			providedBy: 'Teaching assistant',
			frequency: 'Daily',
			authorUserId: SALT,
			authorName: 'Sam Okafor',
			date: '2026-11-24',
			reviewBy: '2027-02-24'
		});
		updateProvision(doc, provision, { frequency: 'Three times a week', reviewBy: null });
		const meeting = readMeetingDoc(doc);
		expect(meeting.outcomes[0]).toMatchObject({
			areaOfNeed: 'cognition_learning',
			progress: 6,
			text: { text: 'Aaron will ask for help using signs or words' },
			steps: { text: 'Model the sign for help' },
			evidence: { text: 'Observed 4 times this week', fieldId: `outcomes:${outcome}:evidence` }
		});
		expect(meeting.provision[0]).toMatchObject({
			providedBy: 'Teaching assistant',
			frequency: 'Three times a week',
			authorUserId: SALT,
			date: '2026-11-24',
			reviewBy: null
		});
		setOutcomeProgress(doc, outcome, null);
		expect(readMeetingDoc(doc).outcomes[0]?.progress).toBeNull();
		expect(() => updateProvision(doc, provision, { date: '2026-02-30' })).toThrow(RangeError);
	});

	it('keeps each action’s single owner, due date, status, outcome and a history trail', () => {
		const doc = newDoc();
		const outcome = addOutcome(doc, { areaOfNeed: null, text: 'Ask for help' });
		const action = addAction(doc, { text: 'Make a signs booklet' }, by(SENCO));
		setActionOwner(doc, action, { userId: SALT, agency: 'NHS SaLT' }, by(SENCO));
		setActionDueDate(doc, action, '2027-01-15', by(SENCO));
		linkActionToOutcome(doc, action, outcome);
		setActionStatus(doc, action, 'done', by(SALT));
		setFieldText(doc, `actions:${action}:evidence`, 'Booklet in Aaron’s bag');
		const saved = readMeetingDoc(doc).actions.find((a) => a.id === action);
		expect(saved).toMatchObject({
			text: { text: 'Make a signs booklet' },
			ownerUserId: SALT,
			ownerAgency: 'NHS SaLT',
			dueDate: '2027-01-15',
			status: 'done',
			outcomeId: outcome,
			evidence: { text: 'Booklet in Aaron’s bag' },
			carriedFrom: null
		});
		expect(saved?.history.map((entry) => [entry.kind, entry.byUserId, entry.value])).toEqual([
			['created', SENCO, null],
			['owner', SENCO, SALT],
			['due_date', SENCO, '2027-01-15'],
			['status', SALT, 'done']
		]);
		setActionOwner(doc, action, null, by(SENCO));
		expect(readMeetingDoc(doc).actions.find((a) => a.id === action)?.ownerUserId).toBeNull();
		expect(() => setActionStatus(doc, action, 'finished' as 'done', by(SENCO))).toThrow(RangeError);
		expect(() => setActionDueDate(doc, action, '15/01/2027', by(SENCO))).toThrow(RangeError);
		expect(() => linkActionToOutcome(doc, action, 'no-such-outcome')).toThrow(RangeError);
	});

	it('lists actions the chair must resolve before closing', () => {
		const doc = newDoc();
		const ownerless = addAction(doc, { text: 'Refer to OT', dueDate: '2027-01-01' }, by(SENCO));
		const undated = addAction(doc, { text: 'Call home', ownerUserId: SENCO }, by(SENCO));
		const dropped = addAction(doc, { text: 'Old idea' }, by(SENCO));
		setActionStatus(doc, dropped, 'dropped', by(SENCO));
		const problems = actionsNeedingAttention(readMeetingDoc(doc).actions);
		expect(problems.map(({ action, problems }) => [action.id, problems])).toEqual([
			[ownerless, ['no_owner']],
			[undated, ['no_due_date']]
		]);
	});

	it('records decisions, disagreements with each view and who holds it', () => {
		const doc = newDoc();
		addDecision(doc, 'Apply for a sensory assessment');
		const point = addDisagreement(doc, 'Whether Aaron needs a 1:1 assistant');
		const parentView = addDisagreementView(doc, point, {
			heldByUserId: PARENT,
			heldByName: 'Dee Lewis',
			text: 'Yes, all day'
		});
		addDisagreementView(doc, point, {
			heldByUserId: SENCO,
			heldByName: 'Priya Shah',
			text: 'Mornings only'
		});
		let meeting = readMeetingDoc(doc);
		expect(meeting.decisions.map((d) => d.text.text)).toEqual(['Apply for a sensory assessment']);
		expect(meeting.disagreements[0]?.point.text).toBe('Whether Aaron needs a 1:1 assistant');
		expect(meeting.disagreements[0]?.views.map((v) => [v.heldByName, v.text.text])).toEqual([
			['Dee Lewis', 'Yes, all day'],
			['Priya Shah', 'Mornings only']
		]);
		const viewField = meeting.disagreements[0]?.views[0]?.text.fieldId ?? '';
		expect(fieldText(doc, viewField)).toBe('Yes, all day');
		expect(removeDisagreementView(doc, point, parentView)).toBe(true);
		meeting = readMeetingDoc(doc);
		expect(meeting.disagreements[0]?.views.map((v) => v.heldByName)).toEqual(['Priya Shah']);
	});

	it('sets the next review, the EHCP recommendation and amendments by plan section', () => {
		const doc = newDoc();
		setNextReviewDate(doc, '2027-11-20');
		setRecommendation(doc, 'amend');
		const amendment = addAmendment(doc, 'F', 'Add daily SaLT programme');
		setAmendmentSection(doc, amendment, 'G');
		const meeting = readMeetingDoc(doc);
		expect(meeting.nextReviewDate).toBe('2027-11-20');
		expect(meeting.recommendation).toBe('amend');
		expect(meeting.amendments).toMatchObject([
			{ section: 'G', text: { text: 'Add daily SaLT programme' } }
		]);
		setRecommendation(doc, null);
		setNextReviewDate(doc, null);
		expect(readMeetingDoc(doc)).toMatchObject({ recommendation: null, nextReviewDate: null });
		expect(() => addAmendment(doc, 'Z' as 'A', 'x')).toThrow(RangeError);
		expect(() => setRecommendation(doc, 'keep' as 'maintain')).toThrow(RangeError);
	});

	it('locks and unlocks sections', () => {
		const doc = newDoc();
		setSectionLocked(doc, 'outcomes', true);
		setSectionLocked(doc, 'actions', true);
		setSectionLocked(doc, 'actions', false);
		expect(readMeetingDoc(doc).lockedSections).toEqual(['outcomes']);
		expect(isSectionLocked(doc, 'outcomes')).toBe(true);
		expect(() => setSectionLocked(doc, 'everything' as 'actions', true)).toThrow(RangeError);
	});
});

describe('rich-text fields', () => {
	it('reads plain text from formatted text, lists and hard breaks', () => {
		const doc = newDoc();
		const fragment = fieldFragment(doc, 'familyViews');
		if (!fragment) throw new Error('field missing');
		const heading = new Y.XmlElement('heading');
		const bold = new Y.XmlText();
		const list = new Y.XmlElement('bulletList');
		const item = new Y.XmlElement('listItem');
		const paragraph = new Y.XmlElement('paragraph');
		const withBreak = new Y.XmlElement('paragraph');
		fragment.insert(0, [heading, list, withBreak]);
		heading.insert(0, [bold]);
		bold.insert(0, 'Home');
		bold.format(0, 4, { bold: true });
		list.insert(0, [item]);
		item.insert(0, [paragraph]);
		paragraph.insert(0, [new Y.XmlText('Signs at meals')]);
		withBreak.insert(0, [
			new Y.XmlText('Line one'),
			new Y.XmlElement('hardBreak'),
			new Y.XmlText('two')
		]);
		expect(fieldText(doc, 'familyViews')).toBe('Home\nSigns at meals\nLine one\ntwo');
	});

	it('finds the fragment of every kind of field id, and null for gone or unknown ones', () => {
		const doc = newDoc();
		const action = addAction(doc, { text: 'Do it' }, by(SENCO));
		expect(fieldFragment(doc, `actions:${action}:text`)).toBeInstanceOf(Y.XmlFragment);
		expect(fieldFragment(doc, 'worries')).toBeInstanceOf(Y.XmlFragment);
		expect(sectionOfField(`actions:${action}:text`)).toBe('actions');
		expect(sectionOfField('worries')).toBe('workingAndWorries');
		removeListItem(doc, 'actions', action);
		expect(fieldFragment(doc, `actions:${action}:text`)).toBeNull();
		expect(fieldFragment(doc, 'meta:x:y')).toBeNull();
		expect(fieldFragment(doc, 'actions')).toBeNull();
		expect(fieldText(doc, 'unknown')).toBe('');
	});
});

describe('concurrent editing', () => {
	it('merges two people typing in the same field', () => {
		const { a, b } = linkedPair();
		setFieldText(a, 'childViews', 'I like lego');
		sync(a, b);
		const text = (doc: Y.Doc) => {
			const paragraph = fieldFragment(doc, 'childViews')?.get(0);
			const line = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
			if (!(line instanceof Y.XmlText)) throw new Error('no text');
			return line;
		};
		text(a).insert(0, 'Aaron: ');
		text(b).insert(text(b).length, ' and trains');
		sync(a, b);
		expect(fieldText(a, 'childViews')).toBe('Aaron: I like lego and trains');
		expect(fieldText(b, 'childViews')).toBe(fieldText(a, 'childViews'));
	});

	it('keeps both people’s additions, a removal and a move made at the same time', () => {
		const { a, b } = linkedPair();
		const first = addAction(a, { text: 'First' }, by(SENCO));
		const second = addAction(a, { text: 'Second' }, by(SENCO));
		sync(a, b);
		addAction(a, { text: 'From A' }, by(SENCO));
		addAction(b, { text: 'From B' }, by(SALT));
		removeListItem(a, 'actions', first);
		moveListItem(b, 'actions', second, 0);
		setActionOwner(b, first, { userId: SALT, agency: 'NHS SaLT' }, by(SALT));
		setFieldText(a, `actions:${second}:text`, 'Second, edited by A');
		sync(a, b);
		const titles = (doc: Y.Doc) => readMeetingDoc(doc).actions.map((action) => action.text.text);
		expect(titles(a)).toEqual(titles(b));
		// The carried action was first; B moved "Second" to the top while A edited it.
		expect(titles(a)[0]).toBe('Second, edited by A');
		expect(titles(a)).toEqual(expect.arrayContaining(['From A', 'From B']));
		expect(titles(a)).not.toContain('First');
		expect(readMeetingDoc(a)).toEqual(readMeetingDoc(b));
	});

	it('orders two items added at the same moment the same way on every replica', () => {
		const { a, b } = linkedPair();
		addDecision(a, 'A decides', 'aaa');
		addDecision(b, 'B decides', 'bbb');
		sync(a, b);
		expect(readMeetingDoc(a).decisions.map((d) => d.id)).toEqual(['aaa', 'bbb']);
		expect(readMeetingDoc(b).decisions.map((d) => d.id)).toEqual(['aaa', 'bbb']);
	});
});

describe('migrateMeetingDoc', () => {
	/** The prototype shape: no version, no positions, actions without status or history. */
	function versionZeroDoc(): Y.Doc {
		const doc = new Y.Doc();
		doc.transact(() => {
			const agenda = doc.getArray<Y.Map<unknown>>('agenda');
			for (const [id, title] of [
				['z', 'Welcome'],
				['a', 'Views']
			]) {
				const item = new Y.Map<unknown>();
				agenda.push([item]);
				item.set('id', id);
				item.set('title', title);
			}
			const action = new Y.Map<unknown>();
			doc.getArray('actions').push([action]);
			action.set('id', 'legacy');
			action.set('text', new Y.XmlFragment());
		});
		return doc;
	}

	it('upgrades a version-0 document: keeps item order, gives actions a status and history', () => {
		const doc = versionZeroDoc();
		expect(readMeetingDoc(doc).schemaVersion).toBeNull();
		expect(migrateMeetingDoc(doc)).toEqual({ from: null, to: MEETING_DOC_SCHEMA_VERSION });
		const meeting = readMeetingDoc(doc);
		expect(meeting.schemaVersion).toBe(MEETING_DOC_SCHEMA_VERSION);
		// Without positions the ids would sort "a" before "z"; the array order is kept.
		expect(meeting.agenda.items.map((item) => item.title)).toEqual(['Welcome', 'Views']);
		expect(meeting.actions[0]).toMatchObject({ id: 'legacy', status: 'open', history: [] });
		// The migrated document works with the change functions.
		setActionStatus(doc, 'legacy', 'done', by(SENCO));
		expect(readMeetingDoc(doc).actions[0]?.history.map((entry) => entry.kind)).toEqual(['status']);
		expect(migrateMeetingDoc(doc)).toEqual({
			from: MEETING_DOC_SCHEMA_VERSION,
			to: MEETING_DOC_SCHEMA_VERSION
		});
	});

	it('leaves an empty document for initMeetingDoc', () => {
		const doc = new Y.Doc();
		expect(migrateMeetingDoc(doc)).toEqual({ from: null, to: null });
		expect(readMeetingDoc(doc).schemaVersion).toBeNull();
	});

	it('refuses a document written by a newer version', () => {
		const doc = newDoc();
		doc.getMap('meta').set('schemaVersion', MEETING_DOC_SCHEMA_VERSION + 1);
		expect(() => migrateMeetingDoc(doc)).toThrow(MeetingDocTooNewError);
	});
});

describe('sectionsTouched', () => {
	it('names the sections a transaction changed', () => {
		const doc = newDoc();
		const seen: string[][] = [];
		doc.on('afterTransaction', (transaction: Y.Transaction) => {
			// Creating a top-level type on first use is an empty transaction.
			if (transaction.changed.size > 0) seen.push(sectionsTouched(doc, transaction));
		});
		const action = addAction(doc, { text: 'x' }, by(SENCO));
		setFieldText(doc, `actions:${action}:text`, 'changed');
		setColumnScale(doc, 'worries', 4);
		setNextReviewDate(doc, '2027-01-01');
		setCurrentAgendaItem(doc, 'welcome');
		setFieldText(doc, 'familyViews', 'Hello');
		expect(seen).toEqual([
			['actions'],
			['actions'],
			['workingAndWorries'],
			['nextReview'],
			['agenda'],
			['familyViews']
		]);
	});
});
