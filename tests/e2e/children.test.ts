import { expect, test, type Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoAxeViolations, fillDate, signIn } from './support.ts';

/**
 * Children, their teams and their advice registers, through the browser: a coordinator
 * adds and edits a child; a parent sees their own child and who can see them, and no one
 * else's; advice is uploaded, checked and downloaded.
 */

const fixture = (name: string) => resolve('tests/fixtures/advice', name);
const MB = 1024 * 1024;

/** The address of a demo child's page, as the SENCo's children list links to it. */
async function childPageOf(browser: Browser, childName: string): Promise<string> {
	const context = await browser.newContext();
	const page = await context.newPage();
	try {
		await signIn(page, 'senco');
		await page.goto('/children');
		const href = await page.getByRole('link', { name: childName }).getAttribute('href');
		if (!href) throw new Error(`No link to ${childName}`);
		return href;
	} finally {
		await context.close();
	}
}

test.describe('a coordinator’s children', () => {
	// Each journey runs several pages and accessibility scans: about 30 s on a busy
	// 2-core machine, where the default 30 s cut them off.
	test.describe.configure({ timeout: 90_000 });
	test('adds a child, fixing mistakes the form points out, then edits the record', async ({
		page
	}) => {
		await signIn(page, 'senco');
		await page.goto('/children');
		await expect(page.getByRole('heading', { level: 1, name: 'Children' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Aaron Thompson' })).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: 'Add a child' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Add a child' })).toBeVisible();
		await expectNoAxeViolations(page);

		// Everything that was typed comes back with the errors.
		await page.getByLabel('First name').fill('Ella');
		await page.getByLabel('Strengths and interests').fill('Loves horses and singing.');
		await fillDate(page, 'Date of birth', '31', '2', '2020');
		await page.getByRole('button', { name: 'Save and continue' }).click();
		const summary = page.getByRole('alert');
		await expect(summary).toContainText('There is a problem');
		await expect(summary.getByRole('link', { name: 'Enter a last name' })).toBeVisible();
		await expect(
			summary.getByRole('link', { name: 'Date of birth must be a real date' })
		).toBeVisible();
		await expect(page.getByLabel('First name')).toHaveValue('Ella');
		await expect(page.getByLabel('Strengths and interests')).toHaveValue(
			'Loves horses and singing.'
		);
		await expectNoAxeViolations(page);

		await fillDate(page, 'Date of birth', '1', '1', '2099');
		await page.getByRole('button', { name: 'Save and continue' }).click();
		await expect(
			summary.getByRole('link', { name: 'Date of birth must be today or in the past' })
		).toBeVisible();

		await page.getByLabel('Last name').fill('Brown');
		await fillDate(page, 'Date of birth', '9', '9', '2019');
		await page.getByLabel('Setting', { exact: true }).fill('Oakfield Primary School');
		await page.getByLabel('Year group this school year (optional)').selectOption('Year 1');
		await page.getByLabel('Education, Health and Care plan (EHCP)').check();
		await page.getByLabel('Cognition and learning').check();
		await page.getByRole('button', { name: 'Save and continue' }).click();

		await expect(page.getByRole('heading', { level: 1, name: 'Ella Brown' })).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Ella’s record has been created');
		// Lead with strengths: the first section after the name.
		await expect(page.locator('h2').first()).toHaveText(/record has been created/);
		await expect(page.locator('main h2:not(.notice h2)').first()).toHaveText(
			'Strengths and interests'
		);
		await expect(page.getByText('Loves horses and singing.')).toBeVisible();
		const team = page.getByRole('table', { name: 'People in Ella’s team' });
		await expect(team.getByRole('row', { name: /Priya Shah \(you\)/ })).toContainText('SENCo');
		const whoCanSee = page.getByRole('region', { name: 'Who can see this' });
		await expect(whoCanSee.getByRole('listitem')).toHaveText([
			/Priya Shah: SENCo .*Oakfield Primary School/,
			'Helen Marsh: can see this because they are an administrator at Oakfield Primary School'
		]);
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: 'Change Ella’s details' }).click();
		await expect(
			page.getByLabel('Year group this school year (optional)').locator('option:checked')
		).toHaveText('Year 1');
		await expect(page.getByLabel('Cognition and learning')).toBeChecked();
		await expectNoAxeViolations(page);
		await page.getByLabel('Preferred name (optional)').fill('Ellie');
		await page.getByLabel('Year group this school year (optional)').selectOption('Year 2');
		await page.getByLabel('Sensory and/or physical').check();
		await page.getByRole('button', { name: 'Save changes' }).click();

		await expect(page.getByRole('heading', { level: 1, name: 'Ellie (Ella) Brown' })).toBeVisible();
		await expect(page.getByText('Year 2', { exact: true })).toBeVisible();
		await expect(page.getByText('Sensory and/or physical')).toBeVisible();
	});

	test('changes a team member’s role, and deletes a record after confirming', async ({ page }) => {
		await signIn(page, 'senco');
		await page.goto('/children/new');
		await page.getByLabel('First name').fill('Sam');
		await page.getByLabel('Last name').fill('Short-Lived');
		await page.getByLabel('Strengths and interests').fill('Brilliant at jigsaws.');
		await fillDate(page, 'Date of birth', '3', '4', '2018');
		await page.getByLabel('Setting', { exact: true }).fill('Oakfield Primary School');
		await page.getByLabel('SEN support (special educational needs support, no EHC plan)').check();
		await page.getByRole('button', { name: 'Save and continue' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Sam Short-Lived' })).toBeVisible();
		const childUrl = page.url().replace(/\?.*$/, '');

		// The only coordinating member cannot give up the role.
		await page.getByRole('link', { name: 'Change Priya Shah’s place in the team' }).click();
		await expectNoAxeViolations(page);
		await page.getByLabel('Role in the team').selectOption({ label: 'Class teacher' });
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByRole('alert')).toContainText('The team must keep someone');
		await expectNoAxeViolations(page);
		await page.getByLabel('Organisation or service').fill('Oakfield Primary School (SEN team)');
		await page.getByLabel('Role in the team').selectOption({ label: 'Chair' });
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByRole('row', { name: /Priya Shah/ })).toContainText(
			'Oakfield Primary School (SEN team)'
		);

		await page.getByRole('link', { name: 'Change Priya Shah’s place in the team' }).click();
		await page.getByRole('link', { name: 'Remove Priya Shah from Sam’s team' }).click();
		await expect(
			page.getByRole('heading', {
				name: 'Are you sure you want to remove yourself from Sam’s team?'
			})
		).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Yes, remove' }).click();
		await expect(page.getByRole('alert')).toContainText('The team must keep someone');

		await page.goto(childUrl);
		await page.getByRole('link', { name: 'Delete Sam’s record' }).click();
		await expect(
			page.getByRole('heading', {
				name: 'Are you sure you want to delete Sam Short-Lived’s record?'
			})
		).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Yes, delete Sam’s record' }).click();
		await expect(page.getByRole('status')).toContainText('The child’s record was deleted.');
		await expect(page.getByRole('link', { name: 'Sam Short-Lived' })).toHaveCount(0);
		const gone = await page.goto(childUrl);
		expect(gone?.status()).toBe(404);
	});

	test('answers 404 for a malformed child id', async ({ page }) => {
		await signIn(page, 'senco');
		const response = await page.goto('/children/not-a-child');
		expect(response?.status()).toBe(404);
	});
});

test.describe('a parent', () => {
	test('sees their child and everyone who can see the record, and no other child', async ({
		page,
		browser
	}) => {
		const jordan = await childPageOf(browser, 'Jordan Clarke');
		await signIn(page, 'aaron.parent');
		await page.goto('/children');
		await expect(page.getByRole('link', { name: 'Jordan Clarke' })).toHaveCount(0);
		await page.getByRole('link', { name: 'Aaron Thompson' }).click();

		await expect(page.getByRole('heading', { level: 1, name: 'Aaron Thompson' })).toBeVisible();
		await expect(page.getByText('Loves trains and drawing')).toBeVisible();
		// In the details; the progress charts below name each outcome's area of need too.
		await expect(page.locator('dl').getByText('Communication and interaction')).toBeVisible();
		const whoCanSee = page.getByRole('region', { name: 'Who can see this' });
		await expect(whoCanSee).toContainText('Sarah Thompson: Parent or carer, Family');
		await expect(whoCanSee).toContainText('Sam Okafor: Speech and language therapist (SaLT)');
		await expect(whoCanSee).toContainText(
			'Helen Marsh: can see this because they are an administrator at Oakfield Primary School'
		);
		// A parent reads, and does not manage, the record.
		await expect(page.getByRole('link', { name: /Change/ })).toHaveCount(0);
		await expect(page.getByRole('link', { name: /Delete/ })).toHaveCount(0);
		await expectNoAxeViolations(page);

		const response = await page.goto(jordan);
		expect(response?.status()).toBe(404);
		const advice = await page.goto(`${jordan}/advice`);
		expect(advice?.status()).toBe(404);
	});
});

test.describe('the advice register', () => {
	test('takes an uploaded report, refuses the wrong kind or size of file, and downloads it', async ({
		page,
		browser
	}) => {
		// Two uploads of 20 MB and more take a while on a busy machine.
		test.slow();
		const aaron = await childPageOf(browser, 'Aaron Thompson');
		await signIn(page, 'salt');
		await page.goto(`${aaron}/advice`);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Aaron’s advice register' })
		).toBeVisible();
		const assessment = page.getByRole('article', {
			name: 'Speech and language therapy assessment'
		});
		await expect(assessment).toContainText('Stale: over 12 months old');
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: 'Add advice' }).click();
		await expect(page.getByLabel('Who gave the advice')).toHaveValue('Sam Okafor');
		await expectNoAxeViolations(page);
		await page.getByLabel('Title').fill('Speech and language therapy review');
		await fillDate(page, 'Date of the advice', '2', '11', '2026');
		await page.getByLabel('Upload a file (optional)').setInputFiles({
			name: 'notes.pdf',
			mimeType: 'application/pdf',
			buffer: readFileSync(fixture('pretend.pdf'))
		});
		await page.getByRole('button', { name: 'Add advice' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'The selected file must be a PDF, Word document (DOCX) or image (PNG or JPEG)'
		);
		await expect(page.getByLabel('Title')).toHaveValue('Speech and language therapy review');
		await expect(
			page.getByText('You chose notes.pdf. For your security, choose it again.')
		).toBeVisible();
		await expectNoAxeViolations(page);

		// Just over the limit: the form's own check answers.
		const justTooBig = Buffer.alloc(20 * MB + 1);
		readFileSync(fixture('salt-report.pdf')).copy(justTooBig);
		await page.getByLabel('Upload a file (optional)').setInputFiles({
			name: 'scan.pdf',
			mimeType: 'application/pdf',
			buffer: justTooBig
		});
		await page.getByRole('button', { name: 'Add advice' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'The selected file must be smaller than 20 MB'
		);

		// Far over the limit: the server stops reading, and still says why.
		await page.getByLabel('Upload a file (optional)').setInputFiles({
			name: 'huge.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.alloc(30 * MB)
		});
		await page.getByRole('button', { name: 'Add advice' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'The selected file must be smaller than 20 MB'
		);

		await page.getByLabel('Title').fill('Speech and language therapy review');
		await page.getByLabel('Who gave the advice').fill('Sam Okafor');
		await page.getByLabel('Their organisation or service').fill('Northshire Community Health');
		await fillDate(page, 'Date of the advice', '2', '11', '2026');
		await page.getByLabel('Upload a file (optional)').setInputFiles(fixture('salt-report.pdf'));
		await page.getByRole('button', { name: 'Add advice' }).click();

		await expect(page.getByRole('status')).toContainText('The advice has been added');
		const added = page.getByRole('article', { name: 'Speech and language therapy review' });
		await expect(added).toContainText('Sam Okafor, Northshire Community Health');
		const download = added.getByRole('link', { name: /Download salt-report\.pdf/ });
		const href = await download.getAttribute('href');
		expect(href).toBeTruthy();
		const response = await page.request.get(href ?? '');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		expect(response.headers()['content-disposition']).toMatch(
			/^attachment; filename="salt-report\.pdf"/
		);
		expect(response.headers()['x-content-type-options']).toBe('nosniff');
		expect(
			Buffer.from(await response.body()).equals(readFileSync(fixture('salt-report.pdf')))
		).toBe(true);

		// The family can read the advice but not add to it.
		const parentContext = await browser.newContext();
		const parent = await parentContext.newPage();
		try {
			await signIn(parent, 'aaron.parent');
			await parent.goto(`${aaron}/advice`);
			await expect(
				parent.getByRole('article', { name: 'Speech and language therapy review' })
			).toBeVisible();
			await expect(parent.getByRole('link', { name: 'Add advice' })).toHaveCount(0);
			const refused = await parent.goto(`${aaron}/advice/new`);
			expect(refused?.status()).toBe(403);
		} finally {
			await parentContext.close();
		}
	});
});
