import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	initMeetingDoc,
	readMeetingDoc,
	setAttendanceStatus,
	setFieldText,
	type MeetingDocSeed
} from '../meetingDoc.ts';
import { reconcileCasework } from './casework.ts';

const SENCO = 'b3f7e2a0-1111-4a3b-8c5d-000000000001';
const PARENT = 'b3f7e2a0-1111-4a3b-8c5d-000000000003';
const SALT = 'b3f7e2a0-1111-4a3b-8c5d-000000000002';

function seed(overrides: Partial<MeetingDocSeed> = {}): MeetingDocSeed {
	return {
		meetingId: '6f1c1a52-0a7e-4d1b-9a55-1f1c2b3d4e5f',
		childId: 'c0ffee00-0000-4000-8000-000000000001',
		meetingType: 'ehcp_annual_review',
		agenda: [{ id: 'welcome', title: 'Welcome' }],
		attendees: [
			{ userId: SENCO, name: 'Priya Shah', role: 'senco', agency: 'Oak Primary' },
			{ userId: PARENT, name: 'Dee Lewis', role: 'parent_carer', agency: 'Family' }
		],
		contributions: [],
		carriedActions: [],
		...overrides
	};
}

const carried = {
	actionId: 'a0000000-0000-4000-8000-000000000001',
	meetingId: 'e0000000-0000-4000-8000-000000000001',
	text: 'Send the sensory profile',
	ownerUserId: SALT,
	ownerAgency: 'NHS',
	dueDate: '2026-12-20',
	status: 'open' as const,
	firstRaisedAt: '2026-06-01T10:00:00.000Z',
	outcomeId: null,
	history: []
};

const by = { userId: PARENT };

describe('reconciling a meeting document with its casework', () => {
	it('adds what arrived after the document was made, once, and keeps people’s edits', () => {
		const doc = new Y.Doc();
		initMeetingDoc(doc, seed());
		setFieldText(doc, 'familyViews', 'Written in the meeting');
		const attendance = readMeetingDoc(doc).attendance;
		setAttendanceStatus(doc, attendance[0]?.id ?? '', 'present');

		const later = seed({
			attendees: [
				{
					userId: SENCO,
					name: 'Priya Shah',
					role: 'senco',
					agency: 'Oak Primary',
					status: 'apologies'
				},
				{
					userId: PARENT,
					name: 'Dee Lewis',
					role: 'parent_carer',
					agency: 'Family',
					status: 'apologies'
				},
				{ userId: SALT, name: 'Sam Okafor', role: 'salt', agency: 'NHS' }
			],
			contributions: [
				{
					authorUserId: PARENT,
					authorName: 'Dee Lewis',
					role: 'parent_carer',
					agency: 'Family',
					submittedAt: '2026-12-01T09:00:00.000Z',
					text: 'Aaron has been sleeping better.'
				}
			],
			carriedActions: [carried]
		});
		expect(reconcileCasework(doc, later, by)).toEqual({
			attendeesAdded: 1,
			attendanceChanged: 1,
			contributionsAdded: 1,
			contributionsUpdated: 0,
			actionsCarried: 1,
			planItemsAdded: 0,
			childVoicePut: 0
		});
		const snapshot = readMeetingDoc(doc);
		expect(snapshot.attendance.map((entry) => [entry.name, entry.status])).toEqual([
			// Marked present in the meeting: an earlier "cannot attend" does not undo it.
			['Priya Shah', 'present'],
			['Dee Lewis', 'apologies'],
			['Sam Okafor', 'expected']
		]);
		expect(snapshot.contributions.map((entry) => entry.text.text)).toEqual([
			'Aaron has been sleeping better.'
		]);
		expect(snapshot.actions.map((action) => action.carriedFrom?.actionId)).toEqual([
			carried.actionId
		]);
		expect(snapshot.familyViews.text).toBe('Written in the meeting');

		// Again: nothing more.
		const before = Y.encodeStateVector(doc);
		expect(Object.values(reconcileCasework(doc, later, by)).every((count) => count === 0)).toBe(
			true
		);
		expect(Y.encodeStateVector(doc)).toEqual(before);
	});

	it('rewrites a contribution only when its author sent a newer version', () => {
		const contribution = {
			authorUserId: PARENT,
			authorName: 'Dee Lewis',
			role: 'parent_carer',
			agency: 'Family',
			submittedAt: '2026-12-01T09:00:00.000Z',
			text: 'First version'
		};
		const doc = new Y.Doc();
		initMeetingDoc(doc, seed({ contributions: [contribution] }));
		const rewritten = { ...contribution, submittedAt: '2026-12-02T09:00:00.000Z', text: 'Second' };
		expect(
			reconcileCasework(doc, seed({ contributions: [rewritten] }), by).contributionsUpdated
		).toBe(1);
		expect(readMeetingDoc(doc).contributions.map((entry) => entry.text.text)).toEqual(['Second']);
	});
});
