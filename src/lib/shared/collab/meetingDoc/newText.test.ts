import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOutcome, initMeetingDoc, setFieldText } from '../meetingDoc.ts';
import { textByItems } from './newText.ts';

function meetingDoc(): Y.Doc {
	const doc = new Y.Doc();
	initMeetingDoc(doc, {
		meetingId: '6f1c1a52-0a7e-4d1b-9a55-1f1c2b3d4e5f',
		childId: 'c0ffee00-0000-4000-8000-000000000001',
		meetingType: 'ehcp_annual_review',
		agenda: [{ id: 'welcome', title: 'Welcome and introductions' }],
		attendees: [],
		contributions: [],
		carriedActions: []
	});
	return doc;
}

/** A second copy of the document, as another device would have it. */
function copyOf(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

describe('text picked out by items', () => {
	it('gives, per section, only the text the filter picks (e.g. one device’s unsaved typing)', () => {
		const server = meetingDoc();
		setFieldText(server, 'worries', 'Agreed by everyone earlier');
		const device = copyOf(server);
		const typedFrom = Y.getState(device.store, device.clientID);
		setFieldText(device, 'familyViews', 'We would like more time in the sensory room.');
		addOutcome(device, {
			areaOfNeed: 'communication_interaction',
			text: 'Aaron will ask for help using his symbols.'
		});

		const unsaved = textByItems(
			device,
			(id) => id.client === device.clientID && id.clock >= typedFrom
		);
		expect(unsaved).toEqual([
			{
				section: 'familyViews',
				label: 'The family’s views',
				text: 'We would like more time in the sensory room.'
			},
			{ section: 'outcomes', label: 'Outcomes', text: 'Aaron will ask for help using his symbols.' }
		]);
	});

	it('leaves out deleted text, and gives nothing when nothing is picked', () => {
		const doc = meetingDoc();
		setFieldText(doc, 'childViews', 'First thoughts');
		setFieldText(doc, 'childViews', 'Second thoughts');
		const mine = (id: { client: number }) => id.client === doc.clientID;
		expect(textByItems(doc, mine)).toEqual([
			expect.objectContaining({ section: 'childViews', text: 'Second thoughts' })
		]);
		expect(textByItems(doc, () => false)).toEqual([]);
	});
});
