import { expect, test, type Page } from '@playwright/test';
import { editor, openLive, SAVED, syncStatus, typeInto } from './live.ts';
import { openAs, scheduleReviewForAaron } from './support.ts';

/**
 * The Content-Security-Policy and the other protective headers, as the browser gets them,
 * and the proof that the app still works under them: hydration, forms and the live editor
 * over its websocket, with no violation reported by Chromium.
 */

/** Collects every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		Object.assign(window, { __cspViolations: seen });
		document.addEventListener('securitypolicyviolation', (event) => {
			seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
		});
	});
	return () =>
		page.evaluate(
			() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []
		);
}

test.describe('security headers', () => {
	test('pages carry a nonce-based policy with no inline scripts allowed, and are never cached', async ({
		request
	}) => {
		const response = await request.get('/sign-in');
		expect(response.status()).toBe(200);
		const headers = response.headers();
		const policy = headers['content-security-policy'] ?? '';
		const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
		expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=_-]+'/);
		expect(scripts).not.toContain('unsafe-inline');
		expect(scripts).not.toContain('unsafe-eval');
		expect(policy).toContain("frame-ancestors 'none'");
		expect(policy).toContain("object-src 'none'");
		expect(headers['cache-control']).toBe('no-store');
		// Served over plain http here: HSTS would be wrong (and ignored) without https.
		expect(headers['strict-transport-security']).toBeUndefined();
		// Every script tag SvelteKit wrote carries the nonce the header names.
		const nonce = /'nonce-([^']+)'/.exec(scripts)?.[1];
		const html = await response.text();
		const tags = html.match(/<script\b[^>]*>/g) ?? [];
		expect(tags.length).toBeGreaterThan(0);
		for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
	});

	test('the live editor works under the policy with no violation reported', async ({ browser }) => {
		test.setTimeout(90_000);
		const senco = await openAs(browser, 'senco');
		try {
			const violations = await recordViolations(senco.page);
			const meetingId = await scheduleReviewForAaron(senco.page, 45);
			const record = await senco.page.request.get(`/meetings/${meetingId}`);
			expect(record.headers()['cache-control']).toBe('no-store');
			await openLive(senco.page, meetingId);
			await typeInto(
				editor(senco.page, /What we are worried about/),
				`Written under the policy (${Date.now()}).`
			);
			await expect(syncStatus(senco.page)).toContainText(SAVED);
			expect(await violations()).toEqual([]);
		} finally {
			await senco.context.close();
		}
	});
});
