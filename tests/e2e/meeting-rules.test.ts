import { expect, test } from '@playwright/test';
import { openLive } from './live.ts';
import { expectNoAxeViolations, openAs, scheduleReviewForAaron } from './support.ts';

/**
 * Who may change what, as the page shows it: the parent sets their own attendance and
 * sees in words what they can change; the agenda and other people's attendance are the
 * chair's. (The server's refusal of the same changes sent by hand is tested in
 * src/lib/server/collab/chairControlsGuard.rules.test.ts.)
 */
test.describe('who may change what in the live meeting', () => {
	test.describe.configure({ timeout: 90_000 });

	test('a parent sets their own attendance, and the agenda and others’ attendance stay the chair’s', async ({
		browser
	}) => {
		const senco = await openAs(browser, 'senco');
		const parent = await openAs(browser, 'aaron.parent');
		try {
			const meetingId = await scheduleReviewForAaron(senco.page, 31);
			await openLive(senco.page, meetingId);
			await openLive(parent.page, meetingId);

			await parent.page.getByText('What you can change in this meeting').click();
			await expect(parent.page.getByText('The chair sets the agenda')).toBeVisible();
			await expect(parent.page.getByRole('textbox', { name: 'New agenda item' })).toHaveCount(0);
			await expect(
				parent.page.getByRole('button', { name: /^Remove\s*: agenda item/ })
			).toHaveCount(0);
			await expect(senco.page.getByRole('textbox', { name: 'New agenda item' })).toBeVisible();
			await expect(
				senco.page.getByRole('button', { name: /^Remove\s*: agenda item/ }).first()
			).toBeVisible();

			const own = parent.page.getByRole('combobox', { name: 'Attendance of Sarah Thompson' });
			await expect(own).toBeEnabled();
			await expect(
				parent.page.getByRole('combobox', { name: 'Attendance of Sam Okafor' })
			).toBeDisabled();
			await expect(parent.page.getByRole('button', { name: 'Add to attendance' })).toHaveCount(0);
			await own.selectOption({ label: 'Here' });
			await expect(
				senco.page.getByRole('combobox', { name: 'Attendance of Sarah Thompson' })
			).toHaveValue('present');
			await expect(
				senco.page.getByRole('combobox', { name: 'Attendance of Sam Okafor' })
			).toBeEnabled();
			await expectNoAxeViolations(parent.page);
		} finally {
			await senco.context.close();
			await parent.context.close();
		}
	});
});
