import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Page from './+page.svelte';
import { pageDataFor as dataFor } from './pageTestData.ts';

const panel = () => screen.queryByRole('region', { name: 'Who this review must invite' });

describe('scheduling a meeting: the statutory invitee check', () => {
	it('is on the details step of an EHCP review from the confirmed type alone, naming who is missing', () => {
		render(Page, { data: dataFor('ehcp_annual_review'), form: null });
		const check = panel();
		expect(check?.textContent).toContain('Covered by Sam Okafor');
		expect(check?.textContent).toContain(
			'Missing: the local authority (LA) SEN officer; social care (a social worker).'
		);
		expect(screen.getByRole('link', { name: 'Invite someone to Aaron’s team' })).toBeTruthy();
	});

	it('is not shown for a meeting the rule does not cover', () => {
		render(Page, { data: dataFor('taf_review'), form: null });
		expect(panel()).toBeNull();
	});

	it('follows the type chosen on the first step, and tells screen readers', async () => {
		render(Page, { data: dataFor(null), form: null });
		expect(panel()).toBeNull();
		await fireEvent.click(
			screen.getByLabelText('Phase-transfer review (before a move to a new school or college)')
		);
		expect(panel()).not.toBeNull();
		expect(screen.getByRole('status').textContent).toMatch(/^3 of 5 groups/);
		await fireEvent.click(
			screen.getByLabelText('SEN support review (special educational needs support)')
		);
		expect(panel()).toBeNull();
		expect(screen.getByRole('status').textContent).toBe('');
	});
});
