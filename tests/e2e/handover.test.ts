import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expectNoAxeViolations, fillDate, linkFromOutbox, signIn, signOut } from './support.ts';

/**
 * Connor moves to secondary school: his coordinator records the family's consent for
 * Northshire Academy, hands him over to its SENCo, who signs up from the email and lands
 * on the pack, which never holds Connor's restricted social care note.
 */

const RESTRICTED = 'Connor is looked after';

test('a coordinator hands Connor over to a new setting’s SENCo, who signs up and sees the pack', async ({
	page
}) => {
	// Four axe scans, two builds of the pack and a sign-up on a busy 2-core machine.
	test.slow();
	const email = `dana-${randomUUID().slice(0, 8)}@northshire.example.org`;
	await signIn(page, 'senco');
	await page.goto('/children');
	await page.getByRole('link', { name: 'Connor Murphy' }).click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
	const childPath = new URL(page.url()).pathname;

	await page.goto(`${childPath}/consent`);
	await page.getByLabel('Which agency').fill('Northshire Academy');
	await page.getByLabel('What the family agreed to share').fill('The handover pack for the move');
	await page.getByLabel('No', { exact: true }).check();
	await page.getByLabel('Who gave consent').fill('Connor’s mother');
	await fillDate(page, 'When was it given?', '1', '10', '2026');
	await page.getByRole('button', { name: 'Record consent' }).click();

	await page.goto(childPath);
	await page.getByRole('link', { name: 'Hand Connor over to a new setting' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Hand Connor over to a new setting' })
	).toBeVisible();
	// The coordinator may read the restricted note, and is offered it, unticked.
	await expect(page.getByText(RESTRICTED)).toBeVisible();
	await expectNoAxeViolations(page);

	// Ticking a restricted note without confirming the warning is refused.
	await page
		.getByRole('radio', { name: /Northshire Academy/ })
		.first()
		.check();
	await page.getByLabel('The new setting’s SENCo: full name').fill('Dana Whitfield');
	await page.getByLabel('The new setting’s SENCo: email address').fill(email);
	await page.getByRole('checkbox', { name: /Social care/ }).check();
	await page.getByRole('button', { name: 'Share the pack and invite the SENCo' }).click();
	await expect(page.getByRole('alert').first()).toContainText('Confirm that you mean to share');
	await expectNoAxeViolations(page);

	await page
		.getByRole('radio', { name: /Northshire Academy/ })
		.first()
		.check();
	await page.getByLabel('The new setting’s SENCo: full name').fill('Dana Whitfield');
	await page.getByLabel('The new setting’s SENCo: email address').fill(email);
	await page.getByRole('button', { name: 'Share the pack and invite the SENCo' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Handover pack: Connor to Northshire Academy' })
	).toBeVisible();
	await expect(page.getByRole('status')).toContainText('Dana Whitfield has been emailed');

	const link = await linkFromOutbox(
		page,
		email,
		'Priya Shah has handed Connor over to you on Coplan',
		'/invitations'
	);
	await signOut(page);

	const response = await page.goto(link);
	expect(response?.ok()).toBe(true);
	await page.getByLabel('Choose a password').fill('maps, compasses and long corridors');
	await page.getByRole('button', { name: 'Create account and join the team' }).click();
	await expect(page).toHaveURL(/\/handovers\/[0-9a-f-]{36}$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Handover pack: Connor to Northshire Academy' })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'The team, with contacts' })).toBeVisible();
	expect(await page.content()).not.toContain(RESTRICTED);
	await expectNoAxeViolations(page);

	// The PDF the SENCo downloads is served, and is the pack.
	const pdf = await page.request.get(`${new URL(page.url()).pathname}/pdf`);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
});
