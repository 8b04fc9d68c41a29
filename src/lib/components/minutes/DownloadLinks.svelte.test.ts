import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DownloadLinks from './DownloadLinks.svelte';

const files = [
	{ href: '/meetings/m/minutes/1/minutes.pdf', label: 'Download as PDF', kind: 'PDF' }
];

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('DownloadLinks', () => {
	it("tells the person the server's reason when their download was not made", async () => {
		const reason =
			'You already have 3 downloads being prepared. Wait for them to finish, then try again.';
		vi.stubGlobal(
			'fetch',
			vi.fn(
				async () =>
					new Response(reason, {
						status: 429,
						headers: { 'content-type': 'text/plain; charset=utf-8' }
					})
			)
		);
		render(DownloadLinks, { files });
		await fireEvent.click(screen.getByRole('link', { name: 'Download as PDF' }));
		await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe(reason));
	});

	it('falls back to a general line when the server gives no reason', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(
				async () =>
					new Response('<html>error</html>', {
						status: 500,
						headers: { 'content-type': 'text/html' }
					})
			)
		);
		render(DownloadLinks, { files });
		await fireEvent.click(screen.getByRole('link', { name: 'Download as PDF' }));
		await vi.waitFor(() =>
			expect(screen.getByRole('status').textContent).toBe(
				'Sorry, we could not prepare your PDF. Please try again.'
			)
		);
	});
});
