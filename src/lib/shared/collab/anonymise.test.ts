import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anonymisePerson, FORMER_MEMBER_NAME } from './anonymise.ts';
import { addAttendee, readMeetingDoc } from './meetingDoc.ts';
import { addRestrictedNote, readRestrictedDoc } from './restrictedDoc.ts';

describe('anonymising a person in a document', () => {
	it('renames them wherever their id is recorded, and nobody else', () => {
		const doc = new Y.Doc();
		addAttendee(doc, {
			userId: 'u-erased',
			name: 'Sarah Thompson',
			role: 'parent_carer',
			agency: 'Family'
		});
		addAttendee(doc, { userId: 'u-kept', name: 'Priya Shah', role: 'senco', agency: 'School' });
		// Read back from an encoded copy, as the server holds it: top-level types untyped.
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		expect(anonymisePerson(copy, 'u-erased')).toBe(1);
		const names = readMeetingDoc(copy).attendance.map((attendee) => [
			attendee.userId,
			attendee.name
		]);
		expect(names).toEqual([
			[null, FORMER_MEMBER_NAME],
			['u-kept', 'Priya Shah']
		]);
		expect(JSON.stringify(copy.toJSON())).not.toContain('Sarah Thompson');
	});

	it('reaches restricted notes', () => {
		const doc = new Y.Doc();
		addRestrictedNote(doc, {
			category: 'safeguarding',
			text: 'A note',
			authorUserId: 'u-erased',
			authorName: 'Sam Social'
		});
		expect(anonymisePerson(doc, 'u-erased')).toBe(1);
		expect(readRestrictedDoc(doc).notes.map((note) => note.authorName)).toEqual([
			FORMER_MEMBER_NAME
		]);
	});
});
