import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import {
	demoEmail,
	downloadFrom,
	expectNoAxeViolations,
	fillDate,
	gotoReady,
	INVITATION_SUBJECT,
	invite,
	linkFromOutbox,
	openAaron,
	openAaronsInvitations,
	signIn,
	signOut
} from './support.ts';

/**
 * UK GDPR in the browser: an organisation admin reads and downloads the audit trail,
 * answers a subject access request, sets the retention rule and deletes a record for
 * good; a SENCo records and withdraws a family's consent to share.
 */

test.describe('data protection', () => {
	test.describe.configure({ timeout: 90_000 });

	test('an admin filters the audit trail and downloads it', async ({ page }) => {
		await signIn(page, 'admin');
		await openAaron(page);
		await page.goto('/account');
		await page.getByRole('link', { name: 'Audit trail' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Audit trail of Oakfield Primary School' })
		).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByLabel('Which child').selectOption({ label: 'Aaron Thompson' });
		await page
			.getByLabel('What', { exact: true })
			.selectOption({ label: 'Read the child’s record' });
		await page.getByLabel('Who').fill('Helen');
		await page.getByRole('button', { name: 'Show entries' }).click();
		const rows = page.getByRole('row').filter({ hasText: 'Helen Marsh' });
		await expect(rows.first()).toContainText('Read the child’s record');
		await expect(rows.first()).toContainText('Aaron Thompson');
		await expect(page.getByRole('row').filter({ hasText: 'Priya Shah' })).toHaveCount(0);
		await expectNoAxeViolations(page);

		const csv = new TextDecoder().decode(
			await downloadFrom(page, 'Download these entries as a spreadsheet (CSV)')
		);
		expect(csv).toContain('Date,Time (UK),Who,Email address,What');
		expect(csv).toContain('Helen Marsh');
		expect(csv).not.toContain('Priya Shah');

		// The download itself is in the trail.
		await page.goto('/organisation/audit');
		await expect(
			page.getByRole('row').filter({ hasText: 'Downloaded the audit trail' }).first()
		).toContainText('Helen Marsh');
	});

	test('a SENCo records the family’s consent to share, and its withdrawal', async ({ page }) => {
		await signIn(page, 'senco');
		await openAaron(page);
		await page.getByRole('link', { name: 'What Aaron’s family has agreed to share' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'What Aaron’s family has agreed to share' })
		).toBeVisible();
		await expect(page.getByRole('heading', { level: 3, name: 'Northshire Council' })).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Record consent' }).click();
		await expect(page.getByRole('alert')).toContainText('Enter the agency');
		await expectNoAxeViolations(page);
		await page.getByLabel('Which agency').fill('Northshire Young Carers');
		await page.getByLabel('What the family agreed to share').fill('The plan and meeting minutes');
		await page.getByLabel('No', { exact: true }).check();
		await page.getByLabel('Who gave consent').fill('Sarah Thompson');
		const today = new Date();
		await fillDate(
			page,
			'When was it given?',
			String(today.getDate()),
			String(today.getMonth() + 1),
			String(today.getFullYear())
		);
		await page.getByRole('button', { name: 'Record consent' }).click();
		await expect(page.getByRole('status')).toContainText('The consent has been recorded');
		await expect(
			page.getByRole('heading', { level: 3, name: 'Northshire Young Carers' })
		).toBeVisible();

		await page
			.getByRole('button', {
				name: 'Record that this consent is withdrawn : Northshire Young Carers'
			})
			.click();
		await expect(page.getByRole('status')).toContainText('The withdrawal has been recorded');
		await expect(
			page.getByRole('listitem').filter({ hasText: 'Northshire Young Carers' })
		).toContainText('withdrawn on');
		await expectNoAxeViolations(page);
	});

	test('an admin answers a subject access request, then deletes a record past its retention', async ({
		page
	}) => {
		await signIn(page, 'admin');
		// A record old enough to be due: born in 1990, kept 31 years.
		await gotoReady(page, '/children/new');
		await page.getByLabel('First name').fill('Olive');
		await page.getByLabel('Last name').fill('Oldrecord');
		await page.getByLabel('Strengths and interests').fill('Kind to everyone.');
		await fillDate(page, 'Date of birth', '1', '2', '1990');
		await page.getByLabel('Setting', { exact: true }).fill('Oakfield Primary School');
		await page.getByLabel('SEN support (special educational needs support, no EHC plan)').check();
		await page.getByRole('button', { name: 'Save and continue' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Olive Oldrecord' })).toBeVisible();
		const childUrl = page.url().replace(/\?.*$/, '');

		await gotoReady(page, '/organisation/records');
		await expect(page.getByRole('row').filter({ hasText: 'Olive Oldrecord' })).toContainText(
			'1 February 2021'
		);
		await expectNoAxeViolations(page);

		await page.getByLabel('Which child').selectOption({ label: 'Olive Oldrecord' });
		await page.getByRole('button', { name: 'Gather everything held about this child' }).click();
		await expect(page.getByRole('heading', { level: 1, name: /Olive Oldrecord/ })).toBeVisible();
		await expect(page.getByRole('status')).toContainText('The export is ready', {
			timeout: 30_000
		});
		await expectNoAxeViolations(page);
		const zip = unzipSync(await downloadFrom(page, /Download the zip file/));
		expect(strFromU8(zip['child/record.json'] ?? new Uint8Array())).toContain('Oldrecord');
		expect(Object.keys(zip)).toEqual(expect.arrayContaining(['README.txt', 'audit-trail.json']));

		// Keeping records for 40 years, Olive's is not due yet; back to 31, it is.
		await gotoReady(page, '/organisation/settings');
		const years = page.getByLabel(/How many years after a child’s date of birth/);
		await years.fill('forty');
		await page.getByRole('button', { name: 'Save how long records are kept' }).click();
		await expect(page.getByRole('alert')).toContainText('whole number');
		await page.getByLabel(/How many years after a child’s date of birth/).fill('40');
		await page.getByRole('button', { name: 'Save how long records are kept' }).click();
		await expect(page.getByRole('status')).toContainText('have been saved');
		await gotoReady(page, '/organisation/records');
		await expect(page.getByText('No records are due for deletion.')).toBeVisible();
		await gotoReady(page, '/organisation/settings');
		await page.getByLabel(/How many years after a child’s date of birth/).fill('31');
		await page.getByRole('button', { name: 'Save how long records are kept' }).click();
		await expect(page.getByRole('status')).toContainText('have been saved');

		await gotoReady(page, '/organisation/records');
		await page
			.getByRole('link', { name: /^Delete\s+Olive Oldrecord’s record\s+for good$/ })
			.click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Delete Olive Oldrecord’s record for good?' })
		).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Delete Olive Oldrecord’s record for good' }).click();
		await expect(page.getByRole('alert')).toContainText('cannot be brought back');
		await page
			.getByLabel('I understand that Olive Oldrecord’s record cannot be brought back')
			.check();
		await page.getByRole('button', { name: 'Delete Olive Oldrecord’s record for good' }).click();
		await expect(page.getByRole('status')).toContainText('deleted for good');
		await expect(page.getByRole('row').filter({ hasText: 'Olive Oldrecord' })).toHaveCount(0);
		const gone = await page.goto(childUrl);
		expect(gone?.status()).toBe(404);

		await gotoReady(page, '/organisation/audit');
		await page
			.getByLabel('What', { exact: true })
			.selectOption({ label: 'Deleted a child’s record for good' });
		await page.getByRole('button', { name: 'Show entries' }).click();
		await expect(page.getByRole('row').filter({ hasText: 'Helen Marsh' })).toHaveCount(1);
	});

	test('an admin erases a parent who asked to be forgotten', async ({ page }) => {
		const parent = {
			name: 'Robin Forgotten',
			email: `robin-${randomUUID().slice(0, 8)}@example.org`
		};
		const password = 'a long and private passphrase';
		await signIn(page, 'senco');
		await openAaronsInvitations(page);
		await invite(page, { ...parent, role: 'Parent or carer' });
		const link = await linkFromOutbox(page, parent.email, INVITATION_SUBJECT, '/invitations');
		await signOut(page);
		await page.goto(link);
		await page.getByLabel('Choose a password').fill(password);
		await page.getByRole('button', { name: 'Create account and join the team' }).click();
		await expect(page.getByRole('region', { name: 'Who can see this' })).toContainText(parent.name);
		await signOut(page);

		await signIn(page, 'admin');
		await gotoReady(page, '/organisation/records');
		const email = page.getByLabel('Their email address');
		await email.fill('nobody@example.org');
		await page.getByRole('button', { name: 'Find this person' }).click();
		await expect(page.getByRole('alert')).toContainText('Nobody with that email address');
		// The therapist also belongs to the health trust: not this school's to erase.
		await page.getByLabel('Their email address').fill(demoEmail('salt'));
		await page.getByRole('button', { name: 'Find this person' }).click();
		await expect(page.getByRole('alert')).toContainText('also belongs to another organisation');
		await expectNoAxeViolations(page);

		await page.getByLabel('Their email address').fill(parent.email);
		await page.getByRole('button', { name: 'Find this person' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: `Erase ${parent.name}?` })
		).toBeVisible();
		await expect(page.getByText('Aaron Thompson')).toBeVisible();
		await expectNoAxeViolations(page);
		await page
			.getByLabel(`I understand that ${parent.name}’s details cannot be brought back`)
			.check();
		await page.getByRole('button', { name: `Erase ${parent.name}` }).click();
		await expect(page.getByRole('status')).toContainText('The person has been erased');

		await openAaron(page);
		await expect(page.getByRole('region', { name: 'Who can see this' })).not.toContainText(
			parent.name
		);
		await signOut(page);
		await gotoReady(page, '/sign-in');
		await page.getByLabel('Email address').fill(parent.email);
		await page.getByLabel('Password').fill(password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
	});
});
