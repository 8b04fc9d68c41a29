import { expect, test } from '@playwright/test';
import { elements, readPdf } from '../../src/lib/server/minutes/testing/readPdf.ts';
import { unzipText } from '../../src/lib/server/minutes/testing/unzip.ts';
import {
	downloadFrom,
	expectNoAxeViolations,
	openAs,
	scheduleReviewForAaron,
	signIn
} from './support.ts';

/**
 * Minutes and follow-through in Chromium: the chair closes a meeting, downloads its
 * minutes as PDF and Word, the speech and language therapist finds the action they were
 * given in "Your actions" and marks it done with evidence, and the closed meeting's
 * action list shows it done.
 */

/** yyyy-mm-dd, `days` from today. */
function daysFromNow(days: number): string {
	return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

const download = downloadFrom;

const ACTION = 'Practise the “more” sign at snack time <b>with the class</b>';

test.describe('minutes and follow-through', () => {
	test.describe.configure({ timeout: 120_000 });

	test('the chair closes the meeting and downloads the minutes; the SaLT marks the action done', async ({
		browser
	}) => {
		const senco = await openAs(browser, 'senco');
		const salt = await openAs(browser, 'salt');
		try {
			const meetingId = await scheduleReviewForAaron(senco.page, 42);

			// In the live meeting the chair writes the family's views and gives the SaLT an action.
			await senco.page.goto(`/meetings/${meetingId}/live`);
			await expect(senco.page.getByTestId('sync-status')).toHaveText(/status:\s*Saved$/);
			const family = senco.page.getByRole('textbox', {
				name: /What the family says, in their own words/
			});
			await family.click();
			await family.pressSequentially('Aaron signs “more” at home every day.');
			await senco.page.getByRole('button', { name: 'Add an action' }).click();
			const actionText = senco.page
				.getByRole('textbox', { name: /Action \d+: what will be done/ })
				.last();
			await expect(actionText).toBeFocused();
			await actionText.pressSequentially(ACTION);
			// The meeting may also hold actions carried forward from Aaron's previous meeting.
			const action = senco.page
				.getByRole('article')
				.filter({ hasText: 'Practise the “more” sign' });
			await action
				.getByLabel('Owner')
				.selectOption({ label: 'Sam Okafor (Speech and language therapist (SaLT))' });
			await action.getByLabel('Due date').fill(daysFromNow(3));
			await expect(action).toContainText('Agency: Northshire Community Health');

			// The draft minutes can be read while the meeting is live.
			const draft = await senco.context.newPage();
			await draft.goto(`/meetings/${meetingId}/minutes/draft`);
			await expect(draft.getByText('DRAFT: the meeting is still open')).toBeVisible();
			await expect(
				draft.getByRole('table', { name: 'Actions agreed, with their owners' })
			).toContainText(ACTION);
			await expectNoAxeViolations(draft);
			await draft.close();

			// The chair closes the meeting.
			await senco.page.getByRole('button', { name: 'Close the meeting' }).click();
			const dialog = senco.page.getByRole('dialog', { name: 'Close the meeting' });
			const confirm = dialog.getByLabel(/Close anyway/);
			if (await confirm.isVisible()) await confirm.check();
			await dialog.getByRole('button', { name: 'Close meeting' }).click();
			await expect(senco.page.getByTestId('sync-status')).toContainText(
				'You can view but not edit'
			);

			// Version 1 of the minutes, frozen at the close.
			await senco.page.goto(`/meetings/${meetingId}`);
			await senco.page.getByRole('link', { name: 'Minutes and actions' }).click();
			await expect(senco.page.getByRole('heading', { level: 1, name: 'Minutes' })).toBeVisible();
			await expect(
				senco.page.getByRole('table', { name: 'Versions of the minutes' })
			).toContainText('Priya Shah');
			await expectNoAxeViolations(senco.page);
			await senco.page.getByRole('link', { name: 'Read the minutes (version 1)' }).click();
			await expect(senco.page.getByRole('heading', { level: 1 })).toContainText(
				'Minutes: Interim review'
			);
			await expect(
				senco.page.getByText('Version 1 of the minutes, frozen when Priya Shah')
			).toBeVisible();
			await expectNoAxeViolations(senco.page);

			// The PDF: tagged, with the action and its owner in the actions table.
			// While the server prepares it, the page says so (the response is held to see it).
			let release: () => void = () => {};
			const held = new Promise<void>((resolve) => (release = resolve));
			await senco.page.route('**/minutes/1/minutes.pdf', async (route) => {
				await held;
				await route.continue();
			});
			const status = senco.page.getByTestId('download-status');
			const downloading = download(senco.page, 'Download the minutes as a PDF');
			await expect(status).toHaveText('Preparing your PDF…');
			release();
			const pdf = await readPdf(await downloading);
			await expect(status).toHaveText('Your PDF is ready and has been downloaded.');
			await senco.page.unroute('**/minutes/1/minutes.pdf');
			expect(pdf.info.Language).toBe('en-GB');
			expect(String(pdf.info.Title)).toContain('Minutes: Interim review');
			expect(elements(pdf, 'H2').map((heading) => heading.text)).toContain('Actions');
			const actionRows = elements(pdf, 'TR').filter((row) => row.text.includes('Practise the'));
			expect(actionRows[0]?.children.map((cell) => cell.text)).toContain('Sam Okafor');
			expect(pdf.text).toContain('Aaron signs “more” at home every day.');
			expect(pdf.text).toContain('Exported by Priya Shah');

			// The Word document: Word's headings and a real table holding the action.
			const docx = unzipText(await download(senco.page, 'Download the minutes as a Word document'));
			const body = docx['word/document.xml'] ?? '';
			expect(body).toContain('<w:pStyle w:val="Heading1"/>');
			expect(body).toContain('<w:tbl>');
			expect(body).toContain('&lt;b&gt;with the class&lt;/b&gt;');
			expect(body).toContain('Sam Okafor');

			// The printable page and the family summary are accessible too.
			await senco.page
				.getByRole('link', { name: 'Open a printable web page of the minutes' })
				.click();
			await expect(senco.page).toHaveURL(/\/minutes\/1\/minutes\.html$/);
			await expect(senco.page).toHaveTitle(/^Minutes: Interim review/);
			await expect(
				senco.page.getByRole('table', { name: 'Actions agreed, with their owners' })
			).toContainText(ACTION);
			await expectNoAxeViolations(senco.page);
			await senco.page.goto(`/meetings/${meetingId}/minutes/1/family`);
			await expect(
				senco.page.getByRole('heading', { name: 'Who will do what, by when' })
			).toBeVisible();
			await expect(
				senco.page.getByRole('table', { name: 'Who will do what, by when' })
			).toContainText('Sam Okafor');
			await expectNoAxeViolations(senco.page);

			// The SaLT finds the action in "Your actions", due this week.
			await salt.page.getByRole('link', { name: 'Your actions' }).click();
			await expect(
				salt.page.getByRole('heading', { level: 1, name: 'Your actions' })
			).toBeVisible();
			const thisWeek = salt.page.getByRole('region', { name: /Due this week/ });
			await expect(thisWeek).toContainText(ACTION);
			await expectNoAxeViolations(salt.page);
			// The hidden part of the link's name says which action it marks done.
			await thisWeek
				.getByRole('link', { name: /^Mark as done\s*: Practise the “more” sign/ })
				.click();

			// Evidence is asked for.
			await salt.page.getByRole('button', { name: 'Mark as done' }).click();
			await expect(salt.page.getByRole('alert')).toContainText(
				'Enter what was done, as evidence that the action is complete'
			);
			await expectNoAxeViolations(salt.page);
			await salt.page
				.getByLabel('What was done?')
				.fill('Practised the sign at snack time all week; Aaron now signs “more” unprompted.');
			await salt.page.getByRole('button', { name: 'Mark as done' }).click();
			await expect(salt.page.getByRole('status')).toContainText('Action marked as done');
			await expect(salt.page.getByRole('main')).not.toContainText(ACTION);

			// The closed meeting's action list shows it done, with the evidence.
			await senco.page.goto(`/meetings/${meetingId}/minutes`);
			const now = senco.page.getByRole('table', {
				name: 'Actions agreed at this meeting, as they stand today'
			});
			const row = now.getByRole('row').filter({ hasText: ACTION });
			await expect(row).toContainText('Done');
			await expect(row).toContainText('Aaron now signs “more” unprompted.');
			// And the live (closed, read-only) meeting shows it too.
			await senco.page.goto(`/meetings/${meetingId}/live`);
			const liveAction = senco.page
				.getByRole('article')
				.filter({ hasText: 'Practise the “more” sign' });
			await expect(liveAction.getByLabel('Status')).toHaveValue('done');
		} finally {
			await senco.context.close();
			await salt.context.close();
		}
	});

	test('the coordinator’s caseload of actions and the reminder setting have no WCAG 2.2 AA violations', async ({
		page
	}) => {
		await signIn(page, 'senco');
		await page.goto('/actions/caseload');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Actions on your caseload' })
		).toBeVisible();
		// The demo's closed meetings left actions with owners: Sam Okafor owns Aaron's.
		await expect(page.getByRole('table', { name: 'Open actions by owner' })).toContainText(
			'Sam Okafor'
		);
		await expectNoAxeViolations(page);
		await page.getByLabel('Only overdue actions').check();
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(/overdue=1/);

		await page.goto('/account');
		await page.getByRole('link', { name: 'Reminder emails' }).click();
		await expect(
			page.getByLabel('Yes, email me when actions are due soon or overdue')
		).toBeChecked();
		await expectNoAxeViolations(page);
		await page.getByLabel('No, I will check “Your actions” myself').check();
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByRole('status')).toContainText('Your choice has been saved.');
		await expect(page.getByLabel('No, I will check “Your actions” myself')).toBeChecked();
		await page.getByLabel('Yes, email me when actions are due soon or overdue').check();
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(
			page.getByLabel('Yes, email me when actions are due soon or overdue')
		).toBeChecked();
	});

	test('a parent reads the demo minutes without the restricted notes, and the family summary', async ({
		page
	}) => {
		await signIn(page, 'connor.parent');
		await page.goto('/children');
		await page
			.getByRole('link', { name: /Connor/ })
			.first()
			.click();
		const closedLink = page
			.getByRole('heading', { level: 3, name: 'Closed' })
			.locator('xpath=following-sibling::ul[1]')
			.getByRole('link')
			.first();
		const href = await closedLink.getAttribute('href');
		const meetingId = /\/meetings\/([0-9a-f-]{36})/.exec(href ?? '')?.[1];
		if (!meetingId) throw new Error(`No meeting link on Connor's page (found ${href})`);
		await page.goto(`/meetings/${meetingId}/minutes/1`);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Minutes:');
		await expect(page.getByRole('main')).not.toContainText('Restricted notes');
		await expect(page.getByRole('main')).not.toContainText('looked after');
		const html = await page.request.get(`/meetings/${meetingId}/minutes/1/minutes.html`);
		expect(await html.text()).not.toContain('looked after');
		await page.goto(`/meetings/${meetingId}/minutes/1/family`);
		await expect(page.getByRole('heading', { name: 'When we meet next' })).toBeVisible();
		await expectNoAxeViolations(page);
	});
});
