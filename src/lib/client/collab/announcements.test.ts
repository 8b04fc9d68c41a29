import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addAction,
	addAgendaItem,
	addOutcome,
	readMeetingDoc,
	removeListItem,
	setActionOwner,
	setActionStatus,
	setCurrentAgendaItem,
	setRecommendation,
	setSectionLocked
} from '../../shared/collab/meetingDoc.ts';
import { describeRemoteChanges } from './announcements.ts';

const author = { userId: 'u-sam' };

function change(doc: Y.Doc, edit: () => void): string[] {
	const before = readMeetingDoc(doc);
	edit();
	return describeRemoteChanges(before, readMeetingDoc(doc), 'Sam Okafor (SaLT)', (id) =>
		id === 'u-sam' ? 'Sam Okafor' : 'someone'
	);
}

describe('describeRemoteChanges', () => {
	it('says who added and who removed items', () => {
		const doc = new Y.Doc();
		expect(change(doc, () => addAction(doc, { text: 'Teach signs' }, author))).toEqual([
			'Sam Okafor (SaLT) added an action'
		]);
		let first = '';
		expect(
			change(doc, () => {
				first = addOutcome(doc, { areaOfNeed: null, text: 'Asks for help' });
				addOutcome(doc, { areaOfNeed: null, text: 'Joins group work' });
			})
		).toEqual(['Sam Okafor (SaLT) added 2 outcomes']);
		expect(change(doc, () => removeListItem(doc, 'outcomes', first))).toEqual([
			'Sam Okafor (SaLT) removed an outcome'
		]);
	});

	it('follows the chair through the agenda and the locks', () => {
		const doc = new Y.Doc();
		const item = addAgendaItem(doc, 'Aaron’s views');
		expect(change(doc, () => setCurrentAgendaItem(doc, item))).toEqual([
			'The meeting moved to agenda item 1: Aaron’s views'
		]);
		expect(change(doc, () => setSectionLocked(doc, 'actions', true))).toEqual([
			'Sam Okafor (SaLT) locked Actions'
		]);
		expect(change(doc, () => setSectionLocked(doc, 'actions', false))).toEqual([
			'Sam Okafor (SaLT) unlocked Actions'
		]);
	});

	it('names new owners and statuses of actions', () => {
		const doc = new Y.Doc();
		const id = addAction(doc, { text: 'Share the signs' }, author);
		expect(
			change(doc, () => setActionOwner(doc, id, { userId: 'u-sam', agency: 'NHS' }, author))
		).toEqual(['Sam Okafor (SaLT) assigned action 1 to Sam Okafor']);
		expect(change(doc, () => setActionStatus(doc, id, 'in_progress', author))).toEqual([
			'Sam Okafor (SaLT) marked action 1 as in progress'
		]);
	});

	it('reports the recommendation and stays quiet about nothing', () => {
		const doc = new Y.Doc();
		expect(change(doc, () => setRecommendation(doc, 'amend'))).toEqual([
			'Sam Okafor (SaLT) set the recommendation to amend'
		]);
		expect(change(doc, () => {})).toEqual([]);
	});
});
