import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ProgressChart from './ProgressChart.svelte';

// Rendered as the server renders pages: the chart, its points and its table must all be
// in the HTML, since the page must work before (or without) any JavaScript.
describe('ProgressChart on the server', () => {
	it('is whole without JavaScript', () => {
		const { body } = render(ProgressChart, {
			props: {
				title: 'Ask for help',
				points: [
					{ meetingDate: '2025-03-05', score: 3, evidence: 'Signs' },
					{ meetingDate: '2025-10-14', score: 6, evidence: '' }
				]
			}
		});
		expect(body).toContain('<svg');
		expect(body.match(/tabindex="0"/g)).toHaveLength(2);
		expect(body).toContain('<caption>Scores for “Ask for help”</caption>');
		expect(body).toContain('5 March 2025: 3 out of 10');
		expect(body).toContain('<td>6 out of 10</td>');
	});
});
