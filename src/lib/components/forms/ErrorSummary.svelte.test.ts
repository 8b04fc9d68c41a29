import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ErrorSummary from './ErrorSummary.svelte';

describe('ErrorSummary', () => {
	it('lists each problem as a link to its field and takes focus so it is announced', async () => {
		render(ErrorSummary, {
			errors: { email: 'Enter your email address', password: 'Enter your password' }
		});
		const summary = screen.getByRole('alert');
		expect(screen.getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
		const links = screen.getAllByRole('link');
		expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
			['Enter your email address', '#email'],
			['Enter your password', '#password']
		]);
		await expect.poll(() => document.activeElement).toBe(summary);
	});

	it('renders nothing when there are no errors', () => {
		const { container } = render(ErrorSummary, { errors: undefined });
		expect(container.querySelector('[role="alert"]')).toBeNull();
	});
});
