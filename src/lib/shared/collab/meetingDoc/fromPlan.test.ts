import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	initMeetingDoc,
	readMeetingDoc,
	reconcileCasework,
	removeListItem,
	type MeetingDocSeed,
	type PlanSeed
} from '../meetingDoc.ts';

const asking = { id: 'o-ask', areaOfNeed: 'communication', text: 'Ask for help', steps: 'Signs' };
const reading = { id: 'o-read', areaOfNeed: null, text: 'Read 20 words', steps: '' };
const salt = {
	id: 'p-salt',
	text: 'Speech and language therapy',
	providedBy: 'NHS SaLT',
	frequency: 'Weekly',
	authorName: 'Priya Shah',
	date: '2025-03-01',
	reviewBy: '2026-03-01'
};

function seed(plan: PlanSeed | null, overrides: Partial<MeetingDocSeed> = {}): MeetingDocSeed {
	return {
		meetingId: '6f1c1a52-0a7e-4d1b-9a55-1f1c2b3d4e5f',
		childId: 'c0ffee00-0000-4000-8000-000000000001',
		meetingType: 'ehcp_annual_review',
		agenda: [],
		attendees: [],
		contributions: [],
		carriedActions: [],
		plan,
		...overrides
	};
}

const version1: PlanSeed = { versionId: 'v1', outcomes: [asking, reading], provision: [salt] };

describe('a review that starts from the child’s plan', () => {
	it('holds the plan’s outcomes with their ids, unscored, and its provision', () => {
		const doc = new Y.Doc();
		initMeetingDoc(doc, seed(version1));
		const snapshot = readMeetingDoc(doc);
		expect(
			snapshot.outcomes.map((outcome) => [
				outcome.id,
				outcome.text.text,
				outcome.steps.text,
				outcome.progress
			])
		).toEqual([
			['o-ask', 'Ask for help', 'Signs', null],
			['o-read', 'Read 20 words', '', null]
		]);
		expect(snapshot.provision.map((item) => [item.id, item.frequency, item.reviewBy])).toEqual([
			['p-salt', 'Weekly', '2026-03-01']
		]);
	});

	it('keeps a carried action’s link to its outcome', () => {
		const doc = new Y.Doc();
		initMeetingDoc(
			doc,
			seed(version1, {
				carriedActions: [
					{
						actionId: 'a-1',
						meetingId: 'e0000000-0000-4000-8000-000000000001',
						text: 'Teach five signs to the class',
						ownerUserId: null,
						ownerAgency: '',
						dueDate: null,
						status: 'open',
						firstRaisedAt: '2025-03-01T10:00:00.000Z',
						outcomeId: 'o-ask',
						history: []
					}
				]
			})
		);
		const snapshot = readMeetingDoc(doc);
		const outcomeIds = snapshot.outcomes.map((outcome) => outcome.id);
		expect(snapshot.actions[0]?.outcomeId).toBe('o-ask');
		expect(outcomeIds).toContain(snapshot.actions[0]?.outcomeId);
	});

	it('adds only what a newer plan version brings, and never what the meeting removed', () => {
		const doc = new Y.Doc();
		initMeetingDoc(doc, seed(version1));
		removeListItem(doc, 'outcomes', 'o-read');
		const signs = { id: 'o-signs', areaOfNeed: null, text: 'Use 10 signs', steps: '' };
		const version2: PlanSeed = {
			versionId: 'v2',
			outcomes: [asking, reading, signs],
			provision: [salt]
		};
		const by = { userId: null };
		expect(reconcileCasework(doc, seed(version2), by).planItemsAdded).toBe(1);
		expect(reconcileCasework(doc, seed(version2), by).planItemsAdded).toBe(0);
		expect(readMeetingDoc(doc).outcomes.map((outcome) => outcome.id)).toEqual(['o-ask', 'o-signs']);
	});

	it('starts empty when the child has no plan yet', () => {
		const doc = new Y.Doc();
		initMeetingDoc(doc, seed(null));
		expect(readMeetingDoc(doc).outcomes).toEqual([]);
	});
});
