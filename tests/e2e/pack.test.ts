import { expect, test, type Page } from '@playwright/test';
import {
	demoEmail,
	expectNoAxeViolations,
	fillDate,
	gotoReady,
	signIn,
	signOut
} from './support.ts';

/**
 * The pre-meeting pack: the scheduler's clock is moved forward (POST /dev/clock, which
 * only the end-to-end server allows) to the day Aaron's annual review (about 20 days
 * ahead in the demo) is 14 days away or less, so the pack goes out by email; the SaLT
 * opens it from the email, adds advice, and sees it in the pack; the SENCo sees who has
 * opened it.
 */

const SUBJECT = "Pre-meeting pack: Aaron's annual review";

/** The pack link in the newest pack email to `to`, read from the outbox until it arrives. */
async function packLinkFromOutbox(page: Page, to: string): Promise<string> {
	let href = '';
	await expect(async () => {
		await page.goto('/dev/outbox');
		const mail = page
			.getByRole('article')
			.filter({ has: page.getByRole('heading', { name: SUBJECT, exact: true }) })
			.filter({ hasText: to })
			.first();
		const link = mail.getByRole('link', { name: /\/meetings\/[0-9a-f-]{36}\/pack$/ });
		href = (await link.first().getAttribute('href', { timeout: 1000 })) ?? '';
		expect(href).not.toBe('');
	}).toPass({ timeout: 20_000 });
	return new URL(href).pathname;
}

test('a pack is sent on its date, opened by the SaLT, who then adds advice', async ({ page }) => {
	const moved = await page.request.post('/dev/clock', { data: { days: 9 } });
	expect(moved.status()).toBe(200);

	const packPath = await packLinkFromOutbox(page, demoEmail('salt'));

	await signIn(page, 'salt');
	await gotoReady(page, packPath);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Pre-meeting pack for Aaron' })
	).toBeVisible();
	await expect(page.getByText(/This pack was sent to everyone invited on/)).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Who has not sent their advice yet' })
	).toBeVisible();
	// A SaLT may not read restricted notes, so the pack has no such section for them.
	await expect(page.getByRole('heading', { name: 'Restricted notes' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: /Add (your advice|advice to Aaron)/ }).click();
	const title = `Signing update before the review ${Date.now()}`;
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Who gave the advice').fill('Sam Okafor');
	await page.getByLabel('Their organisation or service').fill('Northshire Community Health');
	const today = new Date();
	await fillDate(
		page,
		'Date of the advice',
		String(today.getDate()),
		String(today.getMonth() + 1),
		String(today.getFullYear())
	);
	await page
		.getByLabel('Advice (optional if you upload a file)')
		.fill('Keep using his home signs.');
	await page.getByRole('button', { name: 'Add advice' }).click();
	await expect(page).not.toHaveURL(/\/advice\/new/);

	await gotoReady(page, packPath);
	await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
	await signOut(page);

	// The SENCo coordinates: they see that the SaLT has opened the pack.
	await signIn(page, 'senco');
	await gotoReady(page, packPath);
	const readers = page.getByRole('table', { name: 'Everyone invited to this meeting' });
	await expect(readers.getByRole('row', { name: /Sam Okafor/ })).toContainText('First opened');
	await expect(page.getByRole('heading', { name: 'Restricted notes' })).toBeVisible();
	await expectNoAxeViolations(page);
});
