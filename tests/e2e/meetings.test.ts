import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, signIn } from './support.ts';
import { ukDateOf } from '../../src/lib/shared/domain/ukCalendar.ts';
import {
	isTransferDue,
	nextTransfer,
	receptionYearFor
} from '../../src/lib/shared/domain/yearGroups.ts';

/**
 * The casework around a meeting: a coordinator finds Aaron on her caseload, schedules his
 * annual review (after a few mistakes), sees the statutory timeline and marks a deadline
 * done; his parent cannot attend and sends a written contribution, which then shows on
 * the meeting page; the calendar file downloads; the meeting is deleted after
 * confirmation. Every page on the way is scanned with axe.
 */

const nextYear = new Date().getFullYear() + 1;

async function childIdFromCaseload(page: Page, name: string): Promise<string> {
	const href = await page
		.getByRole('table', { name: /Children on your caseload/ })
		.getByRole('link', { name, exact: true })
		.getAttribute('href');
	const id = /^\/children\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1];
	if (!id) throw new Error(`no link to ${name} on the caseload (href ${href})`);
	return id;
}

test.describe('meetings', () => {
	test('the caseload sorts and filters without JavaScript state', async ({ page }) => {
		await signIn(page, 'senco');
		await page.goto('/home');
		await expect(page.getByRole('heading', { name: 'Your caseload' })).toBeVisible();
		const table = page.getByRole('table', { name: /Children on your caseload/ });
		// The seeded demo: Jordan's review report is overdue, Aaron's invitations due soon.
		const jordan = table.getByRole('row').filter({ hasText: 'Jordan' });
		await expect(jordan).toContainText('Overdue');
		await expect(jordan).toContainText('Send the review report');
		await expect(table.getByRole('row').filter({ hasText: 'Aaron' })).toContainText('Due soon');
		// Connor, in Year 6 as seeded: his move to secondary school is flagged from the summer
		// before until its 15 February deadline.
		const today = ukDateOf(new Date());
		const move = nextTransfer(receptionYearFor(6, today), today);
		const connor = table.getByRole('row').filter({ hasText: 'Connor' });
		if (isTransferDue(move, today)) {
			await expect(connor).toContainText(
				`Moving to secondary school in September ${move?.year}: the plan must be amended by`
			);
		} else {
			await expect(connor).not.toContainText('Moving to secondary school');
		}
		await expectNoAxeViolations(page);

		await table.getByRole('link', { name: /^Child/ }).click();
		await expect(page).toHaveURL(/sort=child/);
		const names = await table.locator('tbody tr td:first-child > a').allTextContents();
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

		await page.getByLabel('Only children with overdue deadlines').check();
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page).toHaveURL(/overdue=1/);
		await expect(table.locator('tbody tr')).toHaveCount(1);
		await expect(table.locator('tbody tr')).toContainText('Jordan');
	});

	test('a coordinator schedules a review and a parent sends a written contribution', async ({
		page,
		browser
	}) => {
		// A long journey (two browsers, accessibility scans, a dozen pages): 30 s is too
		// tight on a loaded 2-core machine.
		test.slow();
		await signIn(page, 'senco');
		await page.goto('/home');
		const aaronId = await childIdFromCaseload(page, 'Aaron');

		// Step 1: the kind of meeting.
		await page.goto(`/children/${aaronId}/meetings/new`);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Schedule a meeting for Aaron' })
		).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('alert')).toContainText('Select the type of meeting');
		await page.getByLabel('Annual review of an Education, Health and Care plan (EHCP)').check();
		await page.getByRole('button', { name: 'Continue' }).click();

		// Step 2: the details, first with mistakes.
		const agenda = page.getByLabel('Agenda');
		await expect(agenda).toHaveValue(/What people like and admire about the child/);
		await expect(page.getByLabel('Sarah Thompson')).toBeChecked();
		// The coordinator is in Aaron's team, so she chairs unless someone else is chosen.
		await expect(
			page.getByLabel('Who will chair the meeting?').locator('option:checked')
		).toHaveText(/Priya Shah/);
		await expectNoAxeViolations(page);
		await page.getByLabel('Day', { exact: true }).fill('30');
		await page.getByLabel('Month', { exact: true }).fill('2');
		await page.getByLabel('Year', { exact: true }).fill(String(nextYear));
		await page.getByLabel('Start time (UK time)').fill('10:00');
		await page.getByLabel('Online meeting link (optional)').fill('http://meet.example.org/aaron');
		await page.getByRole('button', { name: 'Schedule the meeting and send invitations' }).click();

		const summary = page.getByRole('alert');
		await expect(summary).toContainText('Date of the meeting must be a real date');
		await expect(summary).toContainText('Enter an online link that starts with https://');
		// Nothing typed is lost.
		await expect(page.getByLabel('Day', { exact: true })).toHaveValue('30');
		await expect(page.getByLabel('Start time (UK time)')).toHaveValue('10:00');
		await expect(page.getByLabel('Online meeting link (optional)')).toHaveValue(
			'http://meet.example.org/aaron'
		);
		await expect(page).toHaveTitle(/^Error: /);
		await expectNoAxeViolations(page);

		await page.getByLabel('Day', { exact: true }).fill('12');
		await page.getByLabel('Month', { exact: true }).fill('3');
		await page.getByLabel('Online meeting link (optional)').fill('');
		await page.getByLabel('Place', { exact: true }).fill('Oakfield Primary School, meeting room 2');
		await page.getByRole('button', { name: 'Schedule the meeting and send invitations' }).click();

		// The meeting page, with its statutory timeline.
		await expect(page.getByRole('heading', { name: 'Meeting scheduled' })).toBeVisible();
		await expect(
			page.getByRole('heading', {
				level: 1,
				name: 'Annual review of an Education, Health and Care plan (EHCP) for Aaron'
			})
		).toBeVisible();
		// Aaron's team has no social worker: the page says the law wants one invited.
		const missing = page
			.getByRole('note')
			.filter({ hasText: 'The law says this review must invite' });
		await expect(missing.getByRole('listitem')).toHaveText(['social care (a social worker)']);
		const meetingUrl = new URL(page.url());
		meetingUrl.search = '';
		await expect(page.getByText(`12 March ${nextYear} at 10:00`)).toBeVisible();
		const timeline = page.locator('.timeline');
		const invitations = timeline.locator('#deadline-invitations_sent');
		await expect(invitations).toContainText(`26 February ${nextYear}`);
		await expect(invitations).toContainText(/Done on .* by Priya Shah/);
		const report = timeline.locator('#deadline-report_sent');
		await expect(report).toContainText(`26 March ${nextYear}`);
		await expect(report).toContainText('Upcoming');
		await expect(report).toContainText('SEND Regulations 2014, regulation 20(7)');
		await expectNoAxeViolations(page);

		const advice = timeline.locator('#deadline-advice_circulated');
		await advice.getByRole('button', { name: /Mark as done/ }).click();
		await expect(advice).toContainText(/Done on .* by Priya Shah/);
		await expect(advice.getByRole('button', { name: /Mark as not done/ })).toBeVisible();

		// The calendar file downloads.
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: /Add to your calendar/ }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe(`meeting-${nextYear}-03-12.ics`);
		const calendar = readFileSync(await download.path(), 'utf8');
		expect(calendar).toMatch(/^BEGIN:VCALENDAR\r\n/);
		expect(calendar).toContain(`DTSTART:${nextYear}0312T100000Z`);
		expect(calendar).toContain('LOCATION:Oakfield Primary School\\, meeting room 2');

		// The parent, in a browser of her own.
		const parentContext = await browser.newContext();
		const parent = await parentContext.newPage();
		try {
			await signIn(parent, 'aaron.parent');
			await expect(parent.getByRole('heading', { name: 'Your children' })).toBeVisible();
			await expectNoAxeViolations(parent);
			await parent.goto(meetingUrl.toString());
			await parent.getByLabel('Cannot attend').check();
			await parent.getByRole('button', { name: 'Save your reply' }).click();
			await expect(parent.getByText('Thank you: your reply has been saved.')).toBeVisible();
			await expect(parent.getByRole('row').filter({ hasText: 'Sarah Thompson' })).toContainText(
				'Cannot attend'
			);

			await parent.getByRole('button', { name: 'Save your contribution' }).click();
			await expect(parent.getByRole('alert')).toContainText('Enter your written contribution');
			await expectNoAxeViolations(parent);
			const words =
				'Aaron is proud of his new signs.\nAt home he now asks for "more, please"; we would like school to learn these signs too.';
			await parent.getByLabel('Written contribution').fill(words);
			await parent.getByRole('button', { name: 'Save your contribution' }).click();
			const contributions = parent.locator('.contribution');
			await expect(contributions).toHaveCount(1);
			await expect(contributions).toContainText('Sarah Thompson');
			await expect(contributions).toContainText('At home he now asks for "more, please"');
			await expectNoAxeViolations(parent);
			// A parent may not mark deadlines done or delete the meeting.
			await expect(parent.getByRole('button', { name: /Mark as done/ })).toHaveCount(0);
			await expect(parent.getByRole('link', { name: 'Delete this meeting' })).toHaveCount(0);
		} finally {
			await parentContext.close();
		}

		// Back with the coordinator: the contribution is on the meeting page.
		await page.goto(meetingUrl.toString());
		await expect(page.locator('.contribution')).toContainText('Aaron is proud of his new signs.');
		await expect(page.getByRole('row').filter({ hasText: 'Sarah Thompson' })).toContainText(
			'Cannot attend'
		);
		await expect(page.getByRole('link', { name: 'Open the live meeting' })).toHaveAttribute(
			'href',
			`${meetingUrl.pathname}/live`
		);

		// Deleting needs confirmation.
		await page.getByRole('link', { name: 'Delete this meeting' }).click();
		await expect(page.getByRole('heading', { name: 'Delete this meeting?' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Yes, delete this meeting' }).click();
		await expect(page).toHaveURL(new RegExp(`/children/${aaronId}`));
		const gone = await page.goto(meetingUrl.toString());
		expect(gone?.status()).toBe(404);
	});

	test('meeting addresses that are not meetings answer 404', async ({ page }) => {
		await signIn(page, 'senco');
		for (const path of ['/meetings/not-a-uuid', `/meetings/${crypto.randomUUID()}/calendar.ics`]) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(404);
		}
	});
});
