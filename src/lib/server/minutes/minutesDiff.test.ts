import { describe, expect, it } from 'vitest';
import {
	addAction,
	itemFieldId,
	readActions,
	removeListItem,
	setActionStatus,
	setFieldText,
	setNextReviewDate
} from '../../shared/collab/meetingDoc.ts';
import { diffMinutes } from './minutesDiff.ts';
import { buildMinutes } from './minutesModel.ts';
import { SAMPLE_IDS, sampleMeeting } from './testing/sampleMeeting.ts';

describe('what changed between two versions of the minutes', () => {
	it('lists added, removed and changed items section by section', () => {
		const { doc, casework } = sampleMeeting();
		const before = buildMinutes(doc, casework);
		const [carried, teach] = readActions(doc);
		if (!carried || !teach) throw new Error('sample has actions');
		const author = { userId: SAMPLE_IDS.senco };
		setActionStatus(doc, teach.id, 'done', author);
		setFieldText(doc, itemFieldId('actions', teach.id, 'evidence'), 'The class knows 5 signs');
		removeListItem(doc, 'actions', carried.id);
		addAction(doc, { text: 'Book a hearing test' }, author);
		setFieldText(doc, 'familyViews', 'We are pleased with the signs.');
		setNextReviewDate(doc, null);
		const after = buildMinutes(doc, casework);

		expect(diffMinutes(before, after)).toEqual([
			{
				section: 'Views',
				changes: [
					{
						kind: 'changed',
						subject: 'The family’s views',
						details: [
							'“We use home signs. We would like school to learn them.” → “We are pleased with the signs.”'
						]
					}
				]
			},
			{
				section: 'Actions',
				changes: [
					{
						kind: 'changed',
						subject: 'Action 1: Teach the class five of Aaron’s home signs',
						details: ['Status: “Open” → “Done”', 'Evidence: nothing → “The class knows 5 signs”']
					},
					{ kind: 'added', subject: 'Action 3: Book a hearing test', details: [] },
					{
						kind: 'removed',
						subject: 'Action 1: Share the list of home signs with every adult in school',
						details: []
					}
				]
			},
			{
				section: 'Next review',
				changes: [
					{ kind: 'removed', subject: 'Next review date', details: ['Was: “10 March 2028”'] }
				]
			}
		]);
	});

	it('finds nothing between identical minutes', () => {
		const { doc, casework } = sampleMeeting();
		expect(diffMinutes(buildMinutes(doc, casework), buildMinutes(doc, casework))).toEqual([]);
	});
});
