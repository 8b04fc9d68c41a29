import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expectNoAxeViolations, linkFromOutbox, signIn } from './support.ts';

/**
 * An organisation admin manages its members: invites a new member of staff by email,
 * who creates an account from the link in the development outbox (/dev/outbox); then
 * changes their role and removes them. The demo admin keeps their own role throughout:
 * the attempts to demote or remove the only admin are refused.
 */

const ORGANISATION = 'Oakfield Primary School';
const SUBJECT = `Helen Marsh has invited you to join ${ORGANISATION} on Coplan`;
const PASSWORD = 'lanterns over the harbour wall';

async function openMembers(page: Page): Promise<void> {
	await page.goto('/account');
	await page.getByRole('link', { name: 'Organisation members' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Members of ${ORGANISATION}` })
	).toBeVisible();
}

test('an admin invites a member of staff, changes their role and removes them', async ({
	page,
	browser
}) => {
	// A long journey (two browsers, an accessibility scan, six pages): 30 s is too tight
	// on a loaded 2-core machine.
	test.slow();
	const person = { name: 'Jo Green', email: `jo-${randomUUID().slice(0, 8)}@example.org` };
	await signIn(page, 'admin');
	await openMembers(page);
	await expect(page.getByRole('row').filter({ hasText: 'Helen Marsh' })).toContainText(
		'The only admin'
	);
	await expectNoAxeViolations(page);

	// A form with mistakes says what to fix and keeps what was typed.
	await page.getByLabel('Email address').fill('not an email');
	await page.getByRole('button', { name: 'Send invitation' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Enter the name of the person you are inviting');
	await expect(summary).toContainText('Enter an email address in the correct format');
	await expect(summary).toContainText('Select their role in the organisation');
	await expect(page.getByLabel('Email address')).toHaveValue('not an email');
	await expectNoAxeViolations(page);

	await page.getByLabel('Full name').fill(person.name);
	await page.getByLabel('Email address').fill(person.email);
	await page.getByRole('radio', { name: 'Professional' }).check();
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByRole('status')).toContainText(`Invitation sent to ${person.email}`);
	await expect(page.getByRole('row').filter({ hasText: person.email })).toContainText(
		'Professional'
	);
	await expectNoAxeViolations(page);

	// The invitee, in their own browser, follows the emailed link and creates an account.
	const invitee = await browser.newContext();
	try {
		const inviteePage = await invitee.newPage();
		const link = await linkFromOutbox(
			inviteePage,
			person.email,
			SUBJECT,
			'/organisation/invitations'
		);
		await inviteePage.goto(link);
		await expect(
			inviteePage.getByRole('heading', { level: 1, name: `Join ${ORGANISATION} on Coplan` })
		).toBeVisible();
		await expect(inviteePage.getByText('Helen Marsh has invited you')).toBeVisible();
		await expect(inviteePage.getByLabel('Your name')).toHaveValue(person.name);
		await expectNoAxeViolations(inviteePage);
		await inviteePage.getByLabel('Choose a password').fill(PASSWORD);
		await inviteePage
			.getByRole('button', { name: `Create account and join ${ORGANISATION}` })
			.click();
		await expect(inviteePage.getByRole('status')).toContainText(`You have joined ${ORGANISATION}`);
		await expect(inviteePage.getByRole('status')).toContainText('Your role is professional');

		// The admin sees them as a member, and makes them a coordinator.
		await openMembers(page);
		const row = page.getByRole('row').filter({ hasText: person.email });
		await expect(row).toContainText(person.name);
		await page.getByLabel(`Role for ${person.name}`).selectOption({ label: 'Coordinator' });
		await page.getByRole('button', { name: `Change role for ${person.name}` }).click();
		await expect(page.getByRole('status')).toContainText(`${person.name} is now coordinator`);

		// As a coordinator, they see the children whose records the school holds.
		await inviteePage.goto('/children');
		await expect(inviteePage.getByRole('link', { name: 'Aaron Thompson' })).toBeVisible();

		// Removing them needs confirming, and says what stays.
		await openMembers(page);
		await page.getByRole('link', { name: `Remove ${person.name}` }).click();
		await expect(
			page.getByRole('heading', {
				level: 1,
				name: `Are you sure you want to remove ${person.name} from ${ORGANISATION}?`
			})
		).toBeVisible();
		await expect(page.getByText('places in children’s teams')).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Yes, remove' }).click();
		await expect(page.getByRole('status')).toContainText(
			`The member has been removed from ${ORGANISATION}`
		);
		await expect(page.getByRole('row').filter({ hasText: person.email })).toHaveCount(0);

		await inviteePage.goto('/children');
		await expect(inviteePage.getByRole('link', { name: 'Aaron Thompson' })).toHaveCount(0);
	} finally {
		await invitee.close();
	}

	// The only admin can be neither demoted nor removed.
	await page.getByLabel('Role for Helen Marsh').selectOption({ label: 'Professional' });
	await page.getByRole('button', { name: 'Change role for Helen Marsh' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'An organisation must always have at least one admin'
	);
	await page.getByRole('link', { name: 'Remove Helen Marsh' }).click();
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: `Are you sure you want to remove yourself from ${ORGANISATION}?`
		})
	).toBeVisible();
	await page.getByRole('button', { name: 'Yes, remove' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'An organisation must always have at least one admin'
	);
	await expectNoAxeViolations(page);
	await openMembers(page);
	await expect(page.getByRole('row').filter({ hasText: 'Helen Marsh' })).toContainText('Admin');
});
