import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { judgeChange } from './testing/judgeChange.ts';
import { reconcileCasework } from './casework.ts';
import { removeListItem } from './change.ts';
import { putChildVoice, readChildVoice, type ChildVoiceInput } from './childVoice.ts';
import type { Editor } from './editRules.ts';
import { initMeetingDoc, migrateMeetingDoc } from './lifecycle.ts';
import { readMeetingDoc } from './read.ts';
import { list, metaMap } from './shape.ts';
import type { MeetingDocSeed } from './types.ts';

const voice = (overrides: Partial<ChildVoiceInput> = {}): ChildVoiceInput => ({
	submissionId: 'sub-1',
	firstName: 'Aaron',
	submittedAt: '2026-12-01T09:00:00.000Z',
	helpedBy: 'Mum',
	answers: [
		{ question: 'How do you feel about school?', feeling: 'happy', words: 'I like the drums.' }
	],
	hasPicture: true,
	...overrides
});

const seed = (childVoice: ChildVoiceInput[]): MeetingDocSeed => ({
	meetingId: 'm1',
	childId: 'c1',
	meetingType: 'annual_review',
	agenda: [],
	attendees: [],
	contributions: [],
	carriedActions: [],
	childVoice
});

describe('the child’s own views in the meeting document', () => {
	it('starts a new document with what the child already sent', () => {
		const doc = new Y.Doc();
		initMeetingDoc(doc, seed([voice()]));
		const [entry] = readMeetingDoc(doc).childVoice;
		expect(entry).toMatchObject({
			id: 'sub-1',
			firstName: 'Aaron',
			helpedBy: 'Mum',
			hasPicture: true
		});
		expect(entry?.answers).toEqual(voice().answers);
	});

	it('adds views sent later once, and replaces them when the child sends again', () => {
		const doc = new Y.Doc();
		initMeetingDoc(doc, seed([]));
		const by = { userId: 'coordinator' };
		expect(reconcileCasework(doc, seed([voice()]), by).childVoicePut).toBe(1);
		expect(reconcileCasework(doc, seed([voice()]), by).childVoicePut).toBe(0);
		const again = voice({
			submittedAt: '2026-12-02T09:00:00.000Z',
			answers: [{ question: 'What helps you?', feeling: null, words: 'My signs.' }]
		});
		expect(reconcileCasework(doc, seed([again]), by).childVoicePut).toBe(1);
		expect(readChildVoice(doc)).toHaveLength(1);
		expect(readChildVoice(doc)[0]?.answers).toEqual(again.answers);
	});

	it('reads oddly shaped answers written by a client without failing', () => {
		const doc = new Y.Doc();
		putChildVoice(doc, voice());
		const item = list(doc, 'childVoice').get(0) as Y.Map<unknown>;
		item.set('answers', [{ question: 'Q', feeling: 'furious', words: 3 }, 'nonsense', null]);
		expect(readChildVoice(doc)[0]?.answers).toEqual([{ question: 'Q', feeling: null, words: '' }]);
	});

	it('migrates a version 1 document to version 2, leaving it as it was', () => {
		const doc = new Y.Doc();
		initMeetingDoc(doc, seed([]));
		metaMap(doc).set('schemaVersion', 1);
		expect(migrateMeetingDoc(doc)).toEqual({ from: 1, to: 2 });
		expect(readMeetingDoc(doc).childVoice).toEqual([]);
	});
});

describe('who may change what the child sent', () => {
	it('keeps everyone but the chair from adding, rewriting or removing it', () => {
		const doc = new Y.Doc();
		putChildVoice(doc, voice());
		const parent: Editor = { userId: 'parent', chair: false };
		const item = list(doc, 'childVoice').get(0) as Y.Map<unknown>;
		expect(judgeChange(doc, parent, () => item.set('answers', []))).toEqual(['childViews']);
		expect(judgeChange(doc, parent, () => removeListItem(doc, 'childVoice', 'sub-1'))).toEqual([
			'childViews'
		]);
		expect(
			judgeChange(doc, parent, () => putChildVoice(doc, voice({ submissionId: 'fake' })))
		).toEqual(['childViews']);
		expect(
			judgeChange(doc, { userId: 'chair', chair: true }, () =>
				removeListItem(doc, 'childVoice', 'fake')
			)
		).toEqual([]);
	});
});
