import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, openAaron, openAs } from './support.ts';

/**
 * The plan across reviews in Chromium: a review of Aaron starts from his plan (its
 * outcomes, ready to score), the chair scores one and adds another and closes the
 * meeting, the local authority's decision to amend is recorded, and Aaron's plan and the
 * outcome's progress chart show the change.
 */

const ASK_FOR_HELP = 'By the end of Year 2, Aaron will ask for help using his signs or words.';
const NEW_OUTCOME = 'Aaron will use ten Makaton signs with his friends at playtime.';

/** The UK date and time a few minutes from now: the meeting is held today. */
function ukSoon(minutes: number) {
	const instant = new Date(Date.now() + minutes * 60_000);
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/London',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(instant);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return {
		day: part('day'),
		month: part('month'),
		year: part('year'),
		time: `${part('hour')}:${part('minute')}`
	};
}

async function scheduleAnnualReviewToday(page: Page): Promise<string> {
	const childPath = await openAaron(page);
	await page.goto(`${childPath}/meetings/new?type=ehcp_annual_review`);
	const soon = ukSoon(3);
	const date = page.getByRole('group', { name: 'Date of the meeting' });
	await date.getByLabel('Day').fill(soon.day);
	await date.getByLabel('Month').fill(soon.month);
	await date.getByLabel('Year').fill(soon.year);
	await page.getByLabel('Start time (UK time)').fill(soon.time);
	await page.getByLabel('Place').fill('Oakfield Primary School, meeting room 2');
	await page.getByRole('button', { name: 'Schedule the meeting and send invitations' }).click();
	await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}/);
	const id = /\/meetings\/([0-9a-f-]{36})/.exec(page.url())?.[1];
	if (!id) throw new Error('the meeting was not scheduled');
	return id;
}

test.describe('the plan across reviews', () => {
	test.describe.configure({ timeout: 150_000 });

	test('a review starts from the plan; closing it and the LA’s decision to amend change the plan and its chart', async ({
		browser
	}) => {
		const senco = await openAs(browser, 'senco');
		const page = senco.page;
		try {
			const childPath = await openAaron(page);
			// Before: the plan as the demo's last review and decision left it.
			await page.goto(`${childPath}/plan`);
			await expect(page.getByRole('heading', { level: 1, name: 'Aaron’s plan' })).toBeVisible();
			await expect(page.getByText(ASK_FOR_HELP, { exact: true })).toBeVisible();
			await expect(page.getByText(NEW_OUTCOME, { exact: true })).toHaveCount(0);
			// The outcome's chart, with its numbers as a table: scored at the two demo reviews
			// (and at any review of Aaron an earlier journey closed).
			const scores = page.getByRole('table', { name: `Scores for “${ASK_FOR_HELP}”` });
			await expect(scores.locator('tbody tr').first()).toContainText('2 out of 10');
			const pointsBefore = await scores.locator('tbody tr').count();
			expect(pointsBefore).toBeGreaterThanOrEqual(2);
			await expectNoAxeViolations(page);

			const meetingId = await scheduleAnnualReviewToday(page);
			await page.goto(`/meetings/${meetingId}/live`);
			await expect(page.getByTestId('sync-status')).toHaveText(/status:\s*Saved$/);

			// The plan's outcomes are there, with their wording, ready to score.
			const carried = page.getByRole('article').filter({ hasText: ASK_FOR_HELP });
			await expect(carried).toHaveCount(1);
			// Scored with its history in view: the two demo reviews' scores.
			await expect(carried).toContainText(/Earlier: 2\/10 \(\w{3} \d{4}\), 4\/10/);
			await carried.getByLabel(/progress since the last review/).selectOption('6');

			await page.getByRole('button', { name: 'Add an outcome' }).click();
			const outcomeText = page.getByRole('textbox', { name: /Outcome \d+: the outcome/ }).last();
			await outcomeText.click();
			await outcomeText.pressSequentially(NEW_OUTCOME);
			await expect(page.getByTestId('sync-status')).toHaveText(/status:\s*Saved$/);

			await page.getByRole('button', { name: 'Close the meeting' }).click();
			const dialog = page.getByRole('dialog', { name: 'Close the meeting' });
			const confirm = dialog.getByLabel(/Close anyway/);
			if (await confirm.isVisible()) await confirm.check();
			await dialog.getByRole('button', { name: 'Close meeting' }).click();
			await expect(page.getByTestId('sync-status')).toContainText('You can view but not edit');

			// The review proposed the change; the plan waits for the LA.
			await page.goto(`/meetings/${meetingId}`);
			const decision = page.getByRole('region', { name: 'The local authority’s decision' });
			await expect(decision).toContainText('Proposed at the review on');
			await expect(decision).toContainText('outcomes: 1 added');
			await expectNoAxeViolations(page);

			// The form explains what is wrong when nothing is chosen.
			await decision.getByRole('button', { name: 'Record the decision' }).click();
			await expect(page.getByRole('alert')).toContainText(
				'Choose what the local authority decided.'
			);

			const today = ukSoon(0);
			const form = page.getByRole('region', { name: 'The local authority’s decision' });
			await form.getByLabel('Amend the plan').check();
			const decidedOn = form.getByRole('group', { name: 'Date of the decision' });
			await decidedOn.getByLabel('Day').fill(today.day);
			await decidedOn.getByLabel('Month').fill(today.month);
			await decidedOn.getByLabel('Year').fill(today.year);
			await form
				.getByLabel('Note (optional)')
				.fill('Agreed in full; the draft goes to the family.');
			await form.getByRole('button', { name: 'Record the decision' }).click();
			await expect(page.getByText('The decision has been recorded.')).toBeVisible();
			await expect(form).toContainText('Amend the plan');
			// The timeline follows: the family's 15 days to comment are now on it.
			await expect(
				page.getByRole('heading', { name: 'The family’s time to comment on the draft' })
			).toBeVisible();

			// The plan is amended, naming the decision, with the new outcome.
			await page.goto(`${childPath}/plan`);
			await expect(
				page.getByText(/The local authority decided to amend the plan on/)
			).toBeVisible();
			await expect(page.getByText(NEW_OUTCOME, { exact: true })).toBeVisible();
			// The chart has this review's score as its newest point.
			await expect(scores.locator('tbody tr')).toHaveCount(pointsBefore + 1);
			await expect(scores.locator('tbody tr').filter({ hasText: '6 out of 10' })).toHaveCount(1);
			await expect(
				page.getByRole('group', { name: new RegExp(`^Progress chart`) }).first()
			).toBeVisible();
			await expectNoAxeViolations(page);

			// And the versions, side by side, show what the decision added.
			await page.getByRole('link', { name: 'Every version, side by side' }).click();
			const compared = page.getByRole('table', { name: /, part by part/ });
			await expect(compared.getByRole('row').filter({ hasText: NEW_OUTCOME })).toContainText(
				'Added'
			);
			await expectNoAxeViolations(page);
		} finally {
			await senco.context.close();
		}
	});
});
