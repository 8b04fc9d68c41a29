import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import EarlierScores from './EarlierScores.svelte';

describe('EarlierScores', () => {
	it('gives the earlier scores on one line, and in full words to screen readers', () => {
		const { container } = render(EarlierScores, {
			id: 'outcome-earlier-help',
			points: [
				{ meetingDate: '2025-03-05', score: 3 },
				{ meetingDate: '2025-10-14', score: 5 }
			]
		});
		const line = container.querySelector('#outcome-earlier-help');
		expect(line?.querySelector('[aria-hidden="true"]')?.textContent).toBe(
			'Earlier: 3/10 (Mar 2025), 5/10 (Oct 2025)'
		);
		expect(screen.getByText(/^Earlier scores:/).textContent).toBe(
			'Earlier scores: 3 out of 10 in March 2025, 5 out of 10 in October 2025'
		);
	});

	it('says nothing when no earlier review scored the outcome', () => {
		const { container } = render(EarlierScores, {
			id: 'outcome-earlier-new',
			points: [{ meetingDate: '2025-03-05', score: null }]
		});
		expect(container.querySelector('p')).toBeNull();
	});
});
