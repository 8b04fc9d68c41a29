import { describe, expect, it } from 'vitest';
import { describeRevert, encodeRevertNotice, parseRevertNotice } from './closeCodes.ts';

describe('revert notices', () => {
	it('survive the trip from server to browser', () => {
		const notice = {
			sections: ['outcomes' as const, 'actions' as const],
			rules: ['outcomes' as const],
			controls: false
		};
		expect(parseRevertNotice(encodeRevertNotice(notice))).toEqual({ type: 'reverted', ...notice });
	});

	it.each([
		['not JSON', '{'],
		['another notice', JSON.stringify({ type: 'access', readOnly: true, reason: null })],
		[
			'sections that are not a list',
			JSON.stringify({ type: 'reverted', sections: 'x', rules: [], controls: false })
		],
		['no controls flag', JSON.stringify({ type: 'reverted', sections: [] })]
	])('are not read from %s', (_case, payload) => {
		expect(parseRevertNotice(payload)).toBeNull();
	});

	it('drop section names this version does not know', () => {
		const payload = JSON.stringify({
			type: 'reverted',
			sections: ['actions', 'x'],
			controls: true
		});
		expect(parseRevertNotice(payload)?.sections).toEqual(['actions']);
		// A notice from before the edit rules has none.
		expect(parseRevertNotice(payload)?.rules).toEqual([]);
	});

	it.each([
		[
			{ sections: ['actions' as const], rules: [], controls: false },
			'Your change to Actions was undone: the chair has locked that section.'
		],
		[
			{
				sections: ['outcomes' as const, 'provision' as const, 'decisions' as const],
				rules: [],
				controls: false
			},
			'Your change to Outcomes, Provision and strategies and Decisions was undone: the chair has locked those sections.'
		],
		[
			{
				sections: ['agenda' as const, 'contributions' as const],
				rules: ['agenda' as const, 'contributions' as const],
				controls: false
			},
			'Your change to Agenda was undone: only the chair can change the agenda. Your change to Written contributions was undone: you can change only your own written contribution.'
		],
		[
			{
				sections: ['actions' as const, 'attendance' as const],
				rules: ['attendance' as const],
				controls: false
			},
			'Your change to Actions was undone: the chair has locked that section. Your change to Attendance and apologies was undone: you can set only your own attendance; the chair adds and removes people.'
		],
		[
			{ sections: [], rules: [], controls: true },
			'Your change was undone: only the chair can move through the agenda, run the timer or lock sections.'
		]
	])('say what was undone and why', (notice, sentence) => {
		expect(describeRevert(notice)).toBe(sentence);
	});
});
