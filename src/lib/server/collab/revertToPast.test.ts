import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addAction,
	addAgendaItem,
	addOutcome,
	readMeetingDoc,
	removeListItem,
	setFieldText,
	setNextReviewDate
} from '../../shared/collab/meetingDoc.ts';
import { revertToPast } from './revertToPast.ts';

const SENCO = 'b3f7e2a0-1111-4a3b-8c5d-000000000001';
const by = { userId: SENCO, at: new Date('2026-11-24T10:00:00Z') };

/** A live document with a log of every update it received, as the server keeps one. */
function loggedDoc(): { doc: Y.Doc; log: Uint8Array[] } {
	const doc = new Y.Doc();
	const log: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => log.push(update));
	return { doc, log };
}

function replay(log: Uint8Array[]): Y.Doc {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const update of log) Y.applyUpdate(doc, update);
	});
	return doc;
}

/** A client that receives everything the server document sends, as a browser would. */
function follower(of: Y.Doc): Y.Doc {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(of));
	of.on('update', (update: Uint8Array) => Y.applyUpdate(client, update));
	return client;
}

describe('revertToPast', () => {
	it('brings back text, items and details as they were, for everyone', () => {
		const { doc, log } = loggedDoc();
		const client = follower(doc);
		addAgendaItem(doc, 'Welcome', 'welcome');
		setFieldText(doc, 'childViews', 'Aaron likes the sensory room.');
		const kept = addOutcome(doc, { areaOfNeed: null, text: 'Ask for help with a sign' });
		setNextReviewDate(doc, '2027-11-24');
		const past = replay(log);
		const expected = readMeetingDoc(past);

		// Later: text rewritten, an outcome removed, an action and an agenda item added.
		setFieldText(doc, 'childViews', 'Overwritten by mistake.');
		removeListItem(doc, 'outcomes', kept);
		addAction(doc, { text: 'Refer to OT' }, by);
		addAgendaItem(doc, 'Any other business');
		setNextReviewDate(doc, null);
		expect(readMeetingDoc(doc)).not.toEqual(expected);

		revertToPast(doc, past);
		expect(readMeetingDoc(doc)).toEqual(expected);
		expect(readMeetingDoc(client)).toEqual(expected);
	});

	it('adds to the history rather than rewriting it, so a restore can itself be undone', () => {
		const { doc, log } = loggedDoc();
		setFieldText(doc, 'worries', 'First version');
		const first = replay(log);
		setFieldText(doc, 'worries', 'Second version');
		const second = replay(log);
		const entriesBefore = log.length;

		revertToPast(doc, first);
		expect(log.length).toBeGreaterThan(entriesBefore);
		expect(readMeetingDoc(doc).workingAndWorries.worries.text).toBe('First version');
		revertToPast(doc, second);
		expect(readMeetingDoc(doc).workingAndWorries.worries.text).toBe('Second version');
		// The whole log still replays to the present.
		expect(readMeetingDoc(replay(log))).toEqual(readMeetingDoc(doc));
	});

	it('merges with an edit a client made at the same time', () => {
		const { doc, log } = loggedDoc();
		setFieldText(doc, 'working', 'Visual timetable');
		const past = replay(log);
		setFieldText(doc, 'working', 'Changed later');
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
		// The client adds a decision while the server restores.
		const clientVector = Y.encodeStateVector(client);
		const doneElsewhere = addAgendaItem(client, 'Typed during the restore');
		revertToPast(doc, past);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc)));
		Y.applyUpdate(client, Y.encodeStateAsUpdate(doc, clientVector));
		expect(readMeetingDoc(doc)).toEqual(readMeetingDoc(client));
		expect(readMeetingDoc(doc).workingAndWorries.working.text).toBe('Visual timetable');
		expect(readMeetingDoc(doc).agenda.items.map((item) => item.id)).toContain(doneElsewhere);
	});
});
