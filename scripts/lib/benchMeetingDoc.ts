import * as Y from 'yjs';
import { initMeetingDoc } from '../../src/lib/shared/collab/meetingDoc.ts';

/** A new meeting document in the meeting's own shape, as the benchmarks start from. */
export function initBenchMeeting(doc: Y.Doc, meetingId: string, now: string): void {
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
}

/** A new first paragraph in a meeting text field (e.g. `familyViews`), and its text. */
export function typingParagraph(doc: Y.Doc, field: string): Y.XmlText {
	const paragraph = new Y.XmlElement('paragraph');
	const text = new Y.XmlText();
	paragraph.insert(0, [text]);
	doc.getXmlFragment(`field:${field}`).insert(0, [paragraph]);
	return text;
}

/**
 * A new meeting document ready for benchmark typing: the meeting's own shape, and a
 * paragraph in each of its five text fields to type into.
 */
export function typingMeeting(doc: Y.Doc, meetingId: string, now: string): Y.XmlText[] {
	initBenchMeeting(doc, meetingId, now);
	const fields = ['childViews', 'familyViews', 'working', 'notWorking', 'worries'];
	return fields.map((field) => typingParagraph(doc, field));
}
