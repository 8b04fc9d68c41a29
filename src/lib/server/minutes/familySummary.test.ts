import { describe, expect, it } from 'vitest';
import { buildFamilySummary, endSentence } from './familySummary.ts';
import { buildMinutes } from './minutesModel.ts';
import { sampleMeeting } from './testing/sampleMeeting.ts';

describe('the family summary', () => {
	it('says in plain words what was talked about and agreed, who does what and when we meet', () => {
		const { doc, casework } = sampleMeeting();
		const summary = buildFamilySummary(buildMinutes(doc, casework));
		expect(summary.title).toBe(
			'Aaron’s meeting on Friday 12 March 2027 at 10:00: a summary for the family'
		);
		expect(summary.intro).toBe(
			'This is a short summary of Aaron’s yearly review of the EHC plan (Education, Health and Care plan: a legal document saying what support a child must get). Priya Shah chaired it. The full minutes have every detail.'
		);
		expect(summary.talkedAbout).toContain(
			'Aaron told us: I like the drums. I want to sign with my friends.'
		);
		expect(summary.talkedAbout).toContain('What people are worried about: Moving class next year.');
		expect(summary.talkedAbout.at(-1)).toBe(
			'Goal 1: By the end of Key Stage 1, Aaron will ask for help using his signs or words. Progress so far: 6 out of 10.'
		);
		expect(summary.agreed).toEqual([
			'Keep the daily speech and language sessions',
			'We will ask the LA (local authority, which means the council) to change the plan.',
			'We suggested one change to the plan. The LA will decide by 9 April 2027.',
			'We did not all agree about this: Whether Aaron needs a full-time TA (teaching assistant)'
		]);
		expect(summary.actions).toEqual([
			{
				who: 'Priya Shah',
				what: 'Share the list of home signs with every adult in school',
				when: 'By 30 April 2026',
				done: false
			},
			{
				who: 'Sam Okafor',
				what: 'Teach the class five of Aaron’s home signs',
				when: 'By 16 April 2027',
				done: false
			},
			{
				who: 'Priya Shah',
				what: 'Arrange a quiet space at lunchtime',
				when: 'By 26 March 2027',
				done: true
			}
		]);
		expect(summary.nextMeeting).toBe('We will meet again on 10 March 2028.');
		expect(summary.glossary.map((entry) => entry.term)).toEqual(['EHC plan', 'LA', 'TA']);
	});

	it('ends a goal with one full stop before its progress, and none is added without progress', () => {
		const { doc, casework } = sampleMeeting();
		const minutes = buildMinutes(doc, casework);
		const [outcome] = minutes.outcomes;
		if (!outcome) throw new Error('sample has an outcome');
		const goalLine = (text: string, progress: number | null) =>
			buildFamilySummary({ ...minutes, outcomes: [{ ...outcome, text, progress }] }).talkedAbout.at(
				-1
			);
		expect(goalLine('Aaron will sign.', 4)).toBe(
			'Goal 1: Aaron will sign. Progress so far: 4 out of 10.'
		);
		expect(goalLine('Will Aaron sign?', 4)).toBe(
			'Goal 1: Will Aaron sign? Progress so far: 4 out of 10.'
		);
		expect(goalLine('Aaron will sign', null)).toBe('Goal 1: Aaron will sign');
	});

	it.each([
		['words', 'words.'],
		['words.', 'words.'],
		['really?', 'really?'],
		['wow!', 'wow!'],
		['and so…', 'and so…'],
		['he said “yes.”', 'he said “yes.”'],
		['(see above.)', '(see above.)'],
		['(see above)', '(see above).']
	])('endSentence(%j) is %j', (text, expected) => {
		expect(endSentence(text)).toBe(expected);
	});

	it('cuts long passages at a sentence and says where to read more', () => {
		const { doc, casework } = sampleMeeting({ extraText: 2000 });
		const summary = buildFamilySummary(buildMinutes(doc, casework));
		const told = summary.talkedAbout.find((line) => line.startsWith('Aaron told us:')) ?? '';
		expect(told.length).toBeLessThan(340);
		expect(told.endsWith('. (The full minutes say more.)')).toBe(true);
	});

	it('says when no date is set for the next meeting', () => {
		const { doc, casework } = sampleMeeting();
		const minutes = { ...buildMinutes(doc, casework), nextReview: null };
		expect(buildFamilySummary(minutes).nextMeeting).toBe(
			'We have not set a date yet. Priya Shah will let you know.'
		);
	});
});
