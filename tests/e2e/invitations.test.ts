import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import {
	demoEmail,
	expectNoAxeViolations,
	INVITATION_SUBJECT,
	invite,
	openAaronsInvitations,
	signIn,
	signOut,
	linkFromOutbox
} from './support.ts';

/**
 * Invitations, emailed sign-in links and password resets, followed through the
 * development outbox (/dev/outbox) as a person would follow them in their inbox.
 */

const PASSWORD = 'bubbles and the sand tray';

function uniqueEmail(label: string): string {
	return `${label}-${randomUUID().slice(0, 8)}@example.org`;
}

async function signInAs(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/sign-in');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** A parent with a fresh account of their own, made through a real invitation. */
async function newParentAccount(page: Page, name: string, email: string): Promise<void> {
	await signIn(page, 'senco');
	await openAaronsInvitations(page);
	await invite(page, { name, email, role: 'Parent or carer' });
	const link = await linkFromOutbox(page, email, INVITATION_SUBJECT, '/invitations');
	await signOut(page);
	await page.goto(link);
	await page.getByLabel('Choose a password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account and join the team' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /Aaron/ })).toBeVisible();
	await signOut(page);
}

test.describe('invitations to a child’s team', () => {
	test('a coordinator invites a parent, who creates an account and sees who has access', async ({
		page
	}) => {
		// Six axe scans and two sign-ins: 33 s on a busy 2-core machine, past the default 30.
		test.slow();
		const parent = { name: 'Emma Jones', email: uniqueEmail('emma') };
		await signIn(page, 'senco');
		const childPath = await openAaronsInvitations(page);
		await expectNoAxeViolations(page);

		// A form with mistakes says what to fix and keeps what was typed.
		await page.getByLabel('Email address').fill('not an email');
		await page.getByRole('button', { name: 'Send invitation' }).click();
		const summary = page.getByRole('alert');
		await expect(summary).toContainText('Enter the name of the person you are inviting');
		await expect(summary).toContainText('Enter an email address in the correct format');
		await expect(summary).toContainText('Select their role in the team');
		await expect(page.getByLabel('Email address')).toHaveValue('not an email');
		await expectNoAxeViolations(page);

		await invite(page, { ...parent, role: 'Parent or carer' });
		const row = page.getByRole('row').filter({ hasText: parent.email });
		await expect(row).toContainText('Waiting for a reply');
		await expect(row).toContainText('Family');
		await expectNoAxeViolations(page);
		await signOut(page);

		const link = await linkFromOutbox(page, parent.email, INVITATION_SUBJECT, '/invitations');
		await expectNoAxeViolations(page);
		await page.goto(link);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Join Aaron’s team on Coplan' })
		).toBeVisible();
		await expect(page.getByText('Priya Shah has invited you')).toBeVisible();
		await expect(page.getByLabel('Your name')).toHaveValue(parent.name);
		await expectNoAxeViolations(page);

		await page.getByLabel('Choose a password').fill('tiny');
		await page.getByRole('button', { name: 'Create account and join the team' }).click();
		await expect(page.getByRole('alert')).toContainText('Password must be 8 characters or more');
		await expectNoAxeViolations(page);

		await page.getByLabel('Choose a password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Create account and join the team' }).click();
		await expect(page).toHaveURL(childPath);
		await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
		const whoCanSee = page.getByRole('region', { name: 'Who can see this' });
		await expect(whoCanSee).toContainText(parent.name);
		await expect(whoCanSee).toContainText('Priya Shah');
		await expect(whoCanSee).toContainText('Sarah Thompson');

		// The link has done its work: opening it again says so.
		await page.goto(link);
		await expect(
			page.getByRole('heading', { level: 1, name: 'This invitation has already been accepted' })
		).toBeVisible();
		await expectNoAxeViolations(page);
		await signOut(page);

		// The coordinator sees the invitation accepted.
		await signIn(page, 'senco');
		await openAaronsInvitations(page);
		await expect(page.getByRole('row').filter({ hasText: parent.email })).toContainText('Accepted');
	});

	test('sending again kills the old link; a cancelled invitation explains what to do', async ({
		page
	}) => {
		const person = { name: 'Sam Byrne', email: uniqueEmail('sam') };
		await signIn(page, 'senco');
		await openAaronsInvitations(page);
		await invite(page, {
			...person,
			role: 'Speech and language therapist (SaLT)',
			agency: 'Northshire Community Health'
		});
		const firstLink = await linkFromOutbox(page, person.email, INVITATION_SUBJECT, '/invitations');

		await openAaronsInvitations(page);
		await page.getByRole('button', { name: `Send again to ${person.name}` }).click();
		await expect(page.getByRole('status')).toContainText(
			`Invitation sent again to ${person.email}`
		);
		const secondLink = await linkFromOutbox(
			page,
			person.email,
			INVITATION_SUBJECT,
			'/invitations',
			firstLink
		);

		await page.goto(firstLink);
		await expect(
			page.getByRole('heading', { level: 1, name: 'This invitation link does not work' })
		).toBeVisible();
		await expect(page.getByText('Ask the person who invited you')).toBeVisible();
		await expectNoAxeViolations(page);

		// Opened while signed in as someone else: explained, not accepted.
		await page.goto(secondLink);
		await expect(
			page.getByRole('heading', { name: 'This invitation is for a different email address' })
		).toBeVisible();
		await expectNoAxeViolations(page);

		await openAaronsInvitations(page);
		await page.getByRole('button', { name: `Cancel invitation to ${person.name}` }).click();
		await expect(page.getByRole('status')).toContainText('has been cancelled');
		await expect(page.getByRole('row').filter({ hasText: person.email })).toContainText(
			'Cancelled'
		);
		await signOut(page);

		await page.goto(secondLink);
		await expect(
			page.getByRole('heading', { level: 1, name: 'This invitation has been cancelled' })
		).toBeVisible();
		await expect(page.getByText('ask Priya Shah to send you a new invitation')).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('someone with an account signs in and the team is added to it', async ({ page }) => {
		const email = uniqueEmail('existing');
		await newParentAccount(page, 'Chris Ahmed', email);

		// Invited to a second child's team with the same address.
		await signIn(page, 'senco');
		await page.goto('/children');
		await page.getByRole('link', { name: 'Jordan Clarke' }).click();
		await page.getByRole('link', { name: 'Invite someone to the team' }).click();
		await page.getByLabel('Full name').fill('Chris Ahmed');
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel('Role in Jordan’s team').selectOption({ label: 'Parent or carer' });
		await page.getByRole('button', { name: 'Send invitation' }).click();
		await expect(page.getByRole('status')).toContainText(`Invitation sent to ${email}`);
		const link = await linkFromOutbox(
			page,
			email,
			"Priya Shah has invited you to join Jordan's team on Coplan",
			'/invitations'
		);
		await signOut(page);

		await page.goto(link);
		await expect(page.getByRole('heading', { name: 'Sign in to accept' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Sign in to accept' }).click();
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(page).toHaveURL(new URL(link).pathname);
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Join Jordan’s team' }).click();
		await expect(page.getByRole('heading', { level: 1, name: /Jordan/ })).toBeVisible();
		await page.goto('/children');
		await expect(page.getByRole('link', { name: 'Aaron Thompson' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Jordan Clarke' })).toBeVisible();
	});

	test('the invitations page is not there for someone who may not invite', async ({ page }) => {
		await signIn(page, 'senco');
		const childPath = await openAaronsInvitations(page);
		await signOut(page);
		await signIn(page, 'ta');
		const response = await page.goto(`${childPath}/invitations`);
		expect(response?.status()).toBe(403);
	});
});

test.describe('signing in with an emailed link', () => {
	test('a sign-in link from the email signs in once', async ({ page }) => {
		await page.goto('/sign-in');
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Email me a sign-in link instead' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Sign in with an emailed link' })
		).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
		await expect(page.getByRole('alert')).toContainText('Enter your email address');
		await expectNoAxeViolations(page);

		// The answer does not say whether an account exists.
		await page.getByLabel('Email address').fill(uniqueEmail('nobody'));
		await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
		const unknownAnswer = await page.getByRole('status').innerText();

		await page.goto('/sign-in/email');
		await page.getByLabel('Email address').fill(demoEmail('teacher'));
		await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
		expect(
			(await page.getByRole('status').innerText()).replace(demoEmail('teacher'), 'ADDRESS')
		).toBe(unknownAnswer.replace(/\S+@example\.org/, 'ADDRESS'));
		await expectNoAxeViolations(page);

		const link = await linkFromOutbox(
			page,
			demoEmail('teacher'),
			'Your Coplan sign-in link',
			'/sign-in/link'
		);
		await page.goto(link);
		await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Coplan' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(page).toHaveURL(/\/home$/);
		await expect(page.getByText('Signed in as Tom Bennett')).toBeVisible();
		await signOut(page);

		await page.goto(link);
		await expect(
			page.getByRole('heading', { level: 1, name: 'This sign-in link has already been used' })
		).toBeVisible();
		await expect(page.getByRole('link', { name: 'Ask for a new sign-in link' })).toBeVisible();
		await expectNoAxeViolations(page);

		await page.goto(`/sign-in/link/${'a'.repeat(32)}`);
		await expect(
			page.getByRole('heading', { level: 1, name: 'This sign-in link does not work' })
		).toBeVisible();
	});
});

test.describe('resetting a forgotten password', () => {
	test('the emailed link sets a new password, signs out other devices and signs in here', async ({
		page,
		browser
	}) => {
		const email = uniqueEmail('forgetful');
		await newParentAccount(page, 'Alex Morgan', email);

		// Another device, signed in with the old password.
		const otherDevice = await browser.newContext();
		const otherPage = await otherDevice.newPage();
		await signInAs(otherPage, email, PASSWORD);

		await page.goto('/sign-in');
		await page.getByRole('link', { name: 'Forgotten your password?' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Reset your password' })
		).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByLabel('Email address').fill(email);
		await page.getByRole('button', { name: 'Email me a link' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
		await expectNoAxeViolations(page);

		const link = await linkFromOutbox(page, email, 'Reset your Coplan password', '/reset-password');
		await page.goto(link);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Choose a new password' })
		).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByLabel('New password').fill('qwertyuiop');
		await page.getByRole('button', { name: 'Save new password' }).click();
		await expect(page.getByRole('alert')).toContainText('harder to guess');
		await expectNoAxeViolations(page);

		const newPassword = 'a brand new and rather long passphrase';
		await page.getByLabel('New password').fill(newPassword);
		await page.getByRole('button', { name: 'Save new password' }).click();
		await expect(page).toHaveURL(/\/home$/);
		await expect(page.getByText('Signed in as Alex Morgan')).toBeVisible();

		// The other device has been signed out.
		await otherPage.goto('/home');
		await expect(otherPage).toHaveURL(/\/sign-in/);
		await otherDevice.close();

		await signOut(page);
		await page.goto(link);
		await expect(
			page.getByRole('heading', { level: 1, name: 'This link has already been used' })
		).toBeVisible();
		await expectNoAxeViolations(page);
		await signInAs(page, email, newPassword);
	});
});
