import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addRestrictedNote,
	initRestrictedDoc,
	readRestrictedDoc,
	removeRestrictedNote,
	restrictedFieldFragment,
	restrictedFieldText,
	RESTRICTED_DOC_SCHEMA_VERSION
} from './restrictedDoc.ts';

const MEETING = '6f1c1a52-0a7e-4d1b-9a55-1f1c2b3d4e5f';

describe('restricted document', () => {
	it('initialises once and records notes with category and author', () => {
		const doc = new Y.Doc();
		expect(initRestrictedDoc(doc, MEETING)).toBe(true);
		expect(initRestrictedDoc(doc, MEETING)).toBe(false);
		const id = addRestrictedNote(doc, {
			category: 'safeguarding',
			text: 'Child protection plan in place\nReview in March',
			authorUserId: null,
			authorName: 'Jo Bell',
			createdAt: '2026-11-24T10:00:00Z'
		});
		const snapshot = readRestrictedDoc(doc);
		expect(snapshot).toEqual({
			schemaVersion: RESTRICTED_DOC_SCHEMA_VERSION,
			meetingId: MEETING,
			notes: [
				{
					id,
					category: 'safeguarding',
					fieldId: `notes:${id}:text`,
					text: 'Child protection plan in place\nReview in March',
					authorUserId: null,
					authorName: 'Jo Bell',
					createdAt: '2026-11-24T10:00:00Z'
				}
			]
		});
		expect(restrictedFieldFragment(doc, `notes:${id}:text`)).toBeInstanceOf(Y.XmlFragment);
		expect(restrictedFieldText(doc, `notes:${id}:text`)).toContain('Review in March');
		expect(restrictedFieldFragment(doc, 'childViews')).toBeNull();
		expect(() =>
			addRestrictedNote(doc, {
				category: 'gossip' as 'medical',
				text: '',
				authorUserId: null,
				authorName: ''
			})
		).toThrow(RangeError);
		expect(removeRestrictedNote(doc, id)).toBe(true);
		expect(readRestrictedDoc(doc).notes).toEqual([]);
	});

	it('merges notes added by two professionals at once', () => {
		const a = new Y.Doc();
		initRestrictedDoc(a, MEETING);
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		addRestrictedNote(a, { category: 'medical', text: 'A', authorUserId: null, authorName: 'A' });
		addRestrictedNote(b, {
			category: 'social_care',
			text: 'B',
			authorUserId: null,
			authorName: 'B'
		});
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		expect(readRestrictedDoc(a)).toEqual(readRestrictedDoc(b));
		expect(
			readRestrictedDoc(a)
				.notes.map((note) => note.text)
				.sort()
		).toEqual(['A', 'B']);
	});
});
