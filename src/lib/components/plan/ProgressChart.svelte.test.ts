import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ProgressChart from './ProgressChart.svelte';
import ProgressSmallMultiples from './ProgressSmallMultiples.svelte';

const points = [
	{ meetingDate: '2025-03-05', score: 3, evidence: 'Signs for “help” at snack time' },
	{ meetingDate: '2025-07-01', score: null, evidence: '' },
	{ meetingDate: '2025-10-14', score: 6, evidence: 'Asks in words in class' }
];

describe('ProgressChart', () => {
	it('sums the chart up, and lets each point be reached and read', () => {
		const { container } = render(ProgressChart, { points, title: 'Ask for help' });
		const chart = screen.getByRole('group', { name: /^Progress chart/ });
		expect(chart.getAttribute('aria-label')).toBe(
			'Progress chart, scores out of 10 at 3 reviews from March 2025 to October 2025: 3 in March 2025, not scored in July 2025, 6 in October 2025.'
		);
		const marks = within(chart).getAllByRole('img');
		expect(marks.map((mark) => mark.getAttribute('tabindex'))).toEqual(['0', '0', '0']);
		expect(marks[0]?.getAttribute('aria-label')).toBe(
			'Review on 5 March 2025: 3 out of 10. Evidence: Signs for “help” at snack time'
		);
		// The details shown on hover and focus are real text, drawn inside each point.
		const readouts = [...container.querySelectorAll('.point .readout')].map((g) => g.textContent);
		expect(readouts[0]).toContain('5 March 2025: 3 out of 10');
		expect(readouts[0]).toContain('Evidence: Signs for “help” at snack time');
		expect(readouts[1]).toContain('1 July 2025: not scored');
		// Axis labels are SVG text.
		const texts = [...container.querySelectorAll('svg text')].map((t) => t.textContent);
		expect(texts).toEqual(
			expect.arrayContaining(['0', '5', '10', 'Score', 'Mar 2025', 'Oct 2025', 'Review date'])
		);
		// The line joins the scored points only.
		expect(container.querySelector('path.line')?.getAttribute('d')).toMatch(
			/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/
		);
	});

	it('gives the same numbers as a table with a caption and headers', () => {
		render(ProgressChart, { points, title: 'Ask for help' });
		const table = screen.getByRole('table', { name: 'Scores for “Ask for help”' });
		const headers = within(table)
			.getAllByRole('columnheader')
			.map((header) => header.textContent);
		expect(headers).toEqual(['Review date', 'Score (0 to 10)', 'Evidence']);
		const rows = within(table).getAllByRole('row').slice(1);
		expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
			'5 March 2025',
			'1 July 2025',
			'14 October 2025'
		]);
		expect(
			within(rows[0] as HTMLElement)
				.getAllByRole('cell')
				.map((c) => c.textContent)
		).toEqual(['3 out of 10', 'Signs for “help” at snack time']);
		expect(within(rows[1] as HTMLElement).getByRole('rowheader').textContent).toBe('1 July 2025');
		expect(
			within(rows[1] as HTMLElement)
				.getAllByRole('cell')
				.map((c) => c.textContent)
		).toEqual(['Not scored', 'None recorded']);
	});
});

describe('ProgressSmallMultiples', () => {
	const outcomes = [
		{
			outcomeId: 'help',
			text: 'ask for help using signs or words',
			areaOfNeed: 'communication_interaction',
			points: [
				{
					meetingId: 'm1',
					meetingType: 'ehcp_annual_review' as const,
					meetingDate: '2025-03-05',
					score: 3,
					evidence: ''
				},
				{
					meetingId: 'm2',
					meetingType: 'ehcp_annual_review' as const,
					meetingDate: '2025-10-14',
					score: 6,
					evidence: ''
				}
			]
		},
		{
			outcomeId: 'sit',
			text: 'Sit with the class for the story',
			areaOfNeed: null,
			points: [
				{
					meetingId: 'm2',
					meetingType: 'ehcp_annual_review' as const,
					meetingDate: '2025-10-14',
					score: 4,
					evidence: ''
				}
			]
		}
	];

	it('shows a compact chart per outcome, its trend in words, and links where given', () => {
		render(ProgressSmallMultiples, {
			outcomes,
			hrefFor: (id: string) => (id === 'help' ? '/plan#outcome-help' : null)
		});
		const cards = screen.getAllByRole('listitem');
		expect(cards).toHaveLength(2);
		const first = cards[0] as HTMLElement;
		expect(within(first).getByRole('heading', { level: 3 }).textContent?.trim()).toBe(
			'ask for help using signs or words'
		);
		expect(within(first).getByRole('link').getAttribute('href')).toBe('/plan#outcome-help');
		expect(first.textContent).toContain('Communication and interaction');
		expect(first.textContent).toContain(
			'Asking for help using signs or words: 3 out of 10 at the review in March 2025, 6 out of 10 at the review in October 2025 (up 3).'
		);
		expect(within(first).getByRole('group', { name: /Progress chart/ })).toBeTruthy();
		expect(within(first).getByText('Show the scores as a table')).toBeTruthy();
		expect(within(cards[1] as HTMLElement).queryByRole('link')).toBeNull();
	});
});
