import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ChildProgress from './ChildProgress.svelte';
import ProgressSoFar from './ProgressSoFar.svelte';

const outcomes = [
	{
		outcomeId: 'help',
		text: 'Aaron will ask for help using signs or words',
		areaOfNeed: 'communication_interaction',
		points: [
			{
				meetingId: 'm1',
				meetingType: 'ehcp_annual_review' as const,
				meetingDate: '2025-03-05',
				score: 3,
				evidence: 'Signs at snack time'
			},
			{
				meetingId: 'm2',
				meetingType: 'ehcp_annual_review' as const,
				meetingDate: '2026-03-04',
				score: 6,
				evidence: ''
			}
		]
	}
];

describe("the child page's progress", () => {
	it('says in plain words when there is nothing yet', () => {
		render(ChildProgress, { outcomes: [], childName: 'Aaron', planHref: '/children/c/plan' });
		expect(screen.getByRole('heading', { name: 'Progress towards outcomes' })).toBeTruthy();
		expect(screen.getByText(/No progress has been recorded yet/).textContent).toContain(
			'Aaron’s outcomes'
		);
	});

	it('shows a small chart for each outcome', () => {
		render(ChildProgress, { outcomes, childName: 'Aaron', planHref: '/children/c/plan' });
		expect(screen.getAllByRole('group', { name: /^Progress chart/ })).toHaveLength(1);
		// Each outcome's title leads to it in the child's plan.
		for (const link of screen.getAllByRole('link', { name: /help/ }))
			expect(link.getAttribute('href')).toMatch(/^\/children\/c\/plan#outcome-./);
		expect(
			screen.getByText(/Asking for help using signs or words: 3 out of 10 at the review last year/)
		).toBeTruthy();
	});
});

describe("the meeting page's progress so far", () => {
	it('says when there are no earlier reviews', () => {
		render(ProgressSoFar, { outcomes: [], childName: 'Aaron' });
		expect(screen.getByRole('heading', { name: 'Progress so far' })).toBeTruthy();
		expect(screen.getByText(/no earlier reviews of Aaron’s outcomes yet/)).toBeTruthy();
	});

	it('shows each outcome with its chart and table', () => {
		render(ProgressSoFar, { outcomes, childName: 'Aaron' });
		expect(screen.getByRole('heading', { level: 3, name: outcomes[0]?.text }).tagName).toBe('H3');
		expect(screen.getByText('Area of need: Communication and interaction')).toBeTruthy();
		expect(screen.getByRole('table', { name: `Scores for “${outcomes[0]?.text}”` })).toBeTruthy();
	});
});
