import { expect, test } from '@playwright/test';
import {
	closeTheMeeting,
	editor,
	offlineCopies,
	openLive,
	READ_ONLY,
	SAVED,
	syncStatus,
	typeInto
} from './live.ts';
import { openAs, scheduleReviewForAaron } from './support.ts';

/**
 * "Saved" means stored, in Chromium: what the server will not keep is shown to its author
 * and dropped from the device, and casework sent in while the live page is open reaches
 * it and the minutes.
 */

test.describe('saving', () => {
	test.describe.configure({ timeout: 90_000 });

	test('an edit typed offline into a meeting the chair closed meanwhile is shown to copy, then dropped', async ({
		browser
	}) => {
		const senco = await openAs(browser, 'senco');
		const salt = await openAs(browser, 'salt');
		try {
			const meetingId = await scheduleReviewForAaron(senco.page, 40);
			await openLive(senco.page, meetingId);
			await openLive(salt.page, meetingId);
			const worries = /What we are worried about/;
			const lateWords = `Typed offline after the meeting ended (${Date.now()}).`;

			await salt.context.setOffline(true);
			await expect(syncStatus(salt.page)).toContainText('Offline');
			await typeInto(editor(salt.page, worries), lateWords);
			await expect(syncStatus(salt.page)).toContainText(
				/Offline — \d+ changes? kept on this device/
			);

			await closeTheMeeting(senco.page);
			await expect(syncStatus(senco.page)).toContainText(READ_ONLY);

			await salt.context.setOffline(false);
			const panel = salt.page.getByTestId('refused-edits');
			await expect(panel).toBeVisible({ timeout: 20_000 });
			await expect(panel).toContainText('The chair closed the meeting before these changes');
			await expect(
				panel.getByRole('textbox', { name: 'What’s working, what’s not working and worries' })
			).toHaveValue(lateWords);
			// The page is back in line with everyone else's: the words are only in the panel.
			await expect(syncStatus(salt.page)).toContainText(READ_ONLY);
			await expect(editor(salt.page, worries)).not.toContainText(lateWords);
			await expect(editor(senco.page, worries)).not.toContainText(lateWords);

			// Reloading does not bring them back from the device, and signing out promises nothing.
			await salt.page.reload();
			await expect(syncStatus(salt.page)).toContainText(READ_ONLY);
			await expect(editor(salt.page, worries)).not.toContainText(lateWords);
			await salt.page
				.getByRole('button', { name: 'I have what I need: close this message' })
				.click();
			await expect(panel).toBeHidden();
			await salt.page.getByRole('button', { name: 'Sign out' }).first().click();
			await expect(
				salt.page.getByRole('dialog', { name: 'Some changes have not reached Coplan yet' })
			).toHaveCount(0);
			await expect(salt.page).toHaveURL(/\/$|\/sign-in/);
			expect(await offlineCopies(salt.page)).toEqual([]);
		} finally {
			await senco.context.close();
			await salt.context.close();
		}
	});

	test('a written contribution sent while the live page is open appears there and in the minutes', async ({
		browser
	}) => {
		const senco = await openAs(browser, 'senco');
		const parent = await openAs(browser, 'aaron.parent');
		try {
			const meetingId = await scheduleReviewForAaron(senco.page, 41);
			await openLive(senco.page, meetingId);
			const words = `Aaron has been sleeping better since half term (${Date.now()}).`;

			await parent.page.goto(`/meetings/${meetingId}`);
			await parent.page.getByRole('radio', { name: 'Cannot attend' }).check();
			await parent.page.getByRole('button', { name: 'Save your reply' }).click();
			await parent.page.getByLabel('Written contribution').fill(words);
			await parent.page.getByRole('button', { name: 'Save your contribution' }).click();
			await expect(parent.page).toHaveURL(/contributed/);

			const contributions = senco.page.getByRole('region', { name: 'Written contributions' });
			await expect(contributions).toContainText(words);
			await expect(syncStatus(senco.page)).toContainText(SAVED);

			await closeTheMeeting(senco.page);
			await senco.page.goto(`/meetings/${meetingId}/minutes`);
			await senco.page.getByRole('link', { name: 'Read the minutes (version 1)' }).click();
			await expect(senco.page.locator('main')).toContainText(words);
		} finally {
			await senco.context.close();
			await parent.context.close();
		}
	});
});
