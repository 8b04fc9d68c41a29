import * as Y from 'yjs';
import { initMeetingDoc } from '../../src/lib/shared/collab/meetingDoc.ts';

/**
 * A new meeting document ready for benchmark typing: the meeting's own shape, and a
 * paragraph in each of its five text fields to type into.
 */
export function typingMeeting(doc: Y.Doc, meetingId: string, now: string): Y.XmlText[] {
	initMeetingDoc(doc, {
		meetingId,
		childId: 'bench-child',
		meetingType: 'ehcp_annual_review',
		agenda: [{ id: 'welcome', title: 'Welcome' }],
		attendees: [],
		contributions: [],
		carriedActions: [],
		now
	});
	const fields = ['childViews', 'familyViews', 'working', 'notWorking', 'worries'];
	return fields.map((field) => {
		const paragraph = new Y.XmlElement('paragraph');
		const text = new Y.XmlText();
		paragraph.insert(0, [text]);
		doc.getXmlFragment(`field:${field}`).insert(0, [paragraph]);
		return text;
	});
}
