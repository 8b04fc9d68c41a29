import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Shared by every journey: the demo password (see src/lib/server/db/demoData.ts). */
export const DEMO_PASSWORD = 'coplan-demo-2026';
export const demoEmail = (localPart: string) => `${localPart}@demo.coplan.test`;

/** Opens a page and waits until its scripts have taken over (see +layout.svelte). */
export async function gotoReady(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}

/** Signs in through the real form as a demo account, e.g. signIn(page, 'senco'). */
export async function signIn(
	page: Page,
	localPart: string,
	password = DEMO_PASSWORD
): Promise<void> {
	await gotoReady(page, '/sign-in');
	await page.getByLabel('Email address').fill(demoEmail(localPart));
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Fails with a readable list when axe finds any WCAG 2.2 A/AA violation on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.help}\n` +
			violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n')
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
