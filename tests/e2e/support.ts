import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** Shared by every journey: the demo password (see src/lib/server/demo/people.ts). */
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

/**
 * Signs out with the header's button and waits until the signed-out page is shown:
 * signing out first deletes the device's meeting copies, so the page changes a moment
 * after the click, not with it.
 */
export async function signOut(page: Page): Promise<void> {
	const signOutButton = page.getByRole('button', { name: 'Sign out', exact: true });
	await signOutButton.first().click();
	// The page signed out from may itself offer a "Sign in" link (an accepted invitation
	// does): only once the button has gone has the signed-out page replaced it, and a
	// navigation started before then would be aborted by it.
	await expect(signOutButton).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
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

/** One person in their own browser context (their own cookies and offline copies). */
export interface Person {
	context: BrowserContext;
	page: Page;
}

export async function openAs(browser: Browser, account: string): Promise<Person> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, account);
	return { context, page };
}

/** Aaron's record, found the way a person would: from the list of children. */
export async function openAaron(page: Page): Promise<string> {
	await page.goto('/children');
	await page.getByRole('link', { name: 'Aaron Thompson' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /Aaron/ })).toBeVisible();
	return new URL(page.url()).pathname;
}

/**
 * A new interim review of Aaron's plan, scheduled through the form, for journeys that
 * close or otherwise change a meeting: the demo meetings stay as they are for the rest.
 */
export async function scheduleReviewForAaron(page: Page, daysAhead: number): Promise<string> {
	const childPath = await openAaron(page);
	await page.goto(`${childPath}/meetings/new?type=ehcp_interim_review`);
	const day = new Date(Date.now() + daysAhead * 24 * 3600 * 1000);
	const date = page.getByRole('group', { name: 'Date of the meeting' });
	await date.getByLabel('Day').fill(String(day.getUTCDate()));
	await date.getByLabel('Month').fill(String(day.getUTCMonth() + 1));
	await date.getByLabel('Year').fill(String(day.getUTCFullYear()));
	await page.getByLabel('Start time (UK time)').fill('10:00');
	await page.getByLabel('Place').fill('Oakfield Primary School, meeting room 2');
	await page.getByRole('button', { name: 'Schedule the meeting and send invitations' }).click();
	await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}/);
	const id = /\/meetings\/([0-9a-f-]{36})/.exec(page.url())?.[1];
	if (!id) throw new Error('the meeting was not scheduled');
	return id;
}

/** The id of the first meeting listed on Aaron's record (the demo data gives him several). */
export async function aaronsFirstMeetingId(page: Page): Promise<string> {
	await openAaron(page);
	const hrefs = await page
		.locator('a[href^="/meetings/"]')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
	const id = hrefs.map((href) => /^\/meetings\/([0-9a-f-]{36})$/.exec(href)?.[1]).find(Boolean);
	if (!id) throw new Error(`no meeting link on Aaron's page (found ${hrefs.join(', ')})`);
	return id;
}

/**
 * The link (to a path starting with `pathPrefix`) in the newest mail to `to` whose subject
 * matches. Some mail is sent in the background, so the outbox is read until it arrives.
 */
export async function linkFromOutbox(
	page: Page,
	to: string,
	subject: string,
	pathPrefix: string,
	notThis?: string
): Promise<string> {
	let href = '';
	await expect(async () => {
		await page.goto('/dev/outbox');
		const mail = page
			.getByRole('article')
			.filter({ has: page.getByRole('heading', { name: subject, exact: true }) })
			.filter({ hasText: to })
			.first();
		const link = mail.getByRole('link', { name: new RegExp(`${pathPrefix}/[a-z2-7]{32}$`) });
		href = (await link.first().getAttribute('href', { timeout: 1000 })) ?? '';
		expect(href).not.toBe('');
		if (notThis) expect(href).not.toBe(notThis);
	}).toPass({ timeout: 15_000 });
	return href;
}

/** Fills a GOV.UK date input (day, month and year boxes) found by its legend. */
export async function fillDate(
	page: Page,
	legend: string,
	day: string,
	month: string,
	year: string
): Promise<void> {
	const group = page.getByRole('group', { name: legend });
	await group.getByLabel('Day').fill(day);
	await group.getByLabel('Month').fill(month);
	await group.getByLabel('Year').fill(year);
}

/** Clicks a link that downloads a file, and returns the file's bytes. */
export async function downloadFrom(page: Page, linkName: string | RegExp): Promise<Uint8Array> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: linkName }).click()
	]);
	const path = await file.path();
	return new Uint8Array(readFileSync(path));
}

/** Opens Aaron's invitations page; returns the path of his page. */
export async function openAaronsInvitations(page: Page): Promise<string> {
	await page.goto('/children');
	await page.getByRole('link', { name: 'Aaron Thompson' }).click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
	const childUrl = page.url();
	await page.getByRole('link', { name: 'Invite someone to the team' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Invite people to Aaron’s team' })
	).toBeVisible();
	return new URL(childUrl).pathname;
}

/** Sends an invitation to Aaron's team through the form, and waits for it to be sent. */
export async function invite(
	page: Page,
	person: { name: string; email: string; role: string; agency?: string }
): Promise<void> {
	await page.getByLabel('Full name').fill(person.name);
	await page.getByLabel('Email address').fill(person.email);
	await page.getByLabel('Role in Aaron’s team').selectOption({ label: person.role });
	await page.getByLabel('Organisation or service').fill(person.agency ?? '');
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByRole('status')).toContainText(`Invitation sent to ${person.email}`);
}

export const INVITATION_SUBJECT = "Priya Shah has invited you to join Aaron's team on Coplan";
