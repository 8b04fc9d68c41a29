import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { TIMELINE_RULES } from '$lib/shared/domain/timeline.ts';
import { load } from './+page.server.ts';
import Page from './+page.svelte';

async function renderPage() {
	const event = {
		locals: { user: { id: 'u1', email: 'a@coplan.test', name: 'A' } },
		url: new URL('http://coplan.test/timescales')
	} as Parameters<typeof load>[0];
	const data = await load(event);
	return render(Page, { data: { ...data, user: { name: 'A' }, outboxShown: false } });
}

describe('the timescales page', () => {
	it('keeps its headings in order: one h1, sections as h2, each rule as h3', async () => {
		const { container } = await renderPage();
		const levels = [...container.querySelectorAll('h1, h2, h3, h4')].map((heading) =>
			Number(heading.tagName.slice(1))
		);
		expect(levels[0]).toBe(1);
		expect(levels.filter((level) => level === 1)).toHaveLength(1);
		levels.forEach((level, index) => {
			if (index > 0) expect(level - (levels[index - 1] ?? 1)).toBeLessThanOrEqual(1);
		});
		expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(TIMELINE_RULES.length);
	});

	it('names the files a developer changes', async () => {
		await renderPage();
		const files = screen
			.getAllByText(/^src\/lib\/shared\/domain\//)
			.map((code) => code.textContent);
		expect(files).toEqual([
			'src/lib/shared/domain/timeline.ts',
			'src/lib/shared/domain/phaseTransfers.ts',
			'src/lib/shared/domain/statutoryInvitees.ts'
		]);
	});

	it('gives each rule its period, force, weekend policy and source in a description list', async () => {
		await renderPage();
		const section = screen.getByRole('region', { name: 'Send the invitations' });
		const terms = within(section)
			.getAllByRole('term')
			.map((term) => term.textContent);
		expect(terms).toEqual([
			'When',
			'Meetings it applies to',
			'At weekends',
			'Statutory or guidance',
			'When it applies',
			'Source'
		]);
		expect(section.textContent).toContain('2 weeks before the meeting');
		expect(section.textContent).toContain('SEND Regulations 2014, regulation 20(2) and (3)');
	});

	it('puts the at-a-glance summary and the moves in tables with captions and headers', async () => {
		await renderPage();
		const summary = screen.getByRole('table', {
			name: 'Each deadline, when it falls and whether the law requires it'
		});
		expect(
			within(summary)
				.getAllByRole('columnheader')
				.map((th) => th.textContent)
		).toEqual(['Deadline', 'When', 'Statutory or guidance']);
		const moves = screen.getByRole('table', {
			name: 'When the plan must be amended before each move'
		});
		const primary = within(moves).getByRole('row', { name: /Primary school to secondary school/ });
		expect(primary.textContent).toContain('15 February of the year of the move');
		expect(primary.textContent).toContain('Year 7');
	});
});
