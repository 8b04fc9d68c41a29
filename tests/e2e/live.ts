import { expect, type Locator, type Page } from '@playwright/test';

/** Helpers for journeys through the live meeting page. */

export const READ_ONLY = 'You can view but not edit';
/** The status line once everything is stored (not "Saving…"). */
export const SAVED = /status:\s*Saved$/;

export const syncStatus = (page: Page) => page.getByTestId('sync-status');

export async function openLive(page: Page, meetingId: string): Promise<void> {
	await page.goto(`/meetings/${meetingId}/live`);
	await expect(syncStatus(page)).toContainText(SAVED);
}

/** Names of the meeting copies this browser keeps for offline work. */
export const offlineCopies = (page: Page) =>
	page.evaluate(async () =>
		(await indexedDB.databases())
			.map((database) => database.name ?? '')
			.filter((name) => name.startsWith('coplan:'))
	);

export const editor = (page: Page, label: string | RegExp) =>
	page.getByRole('textbox', { name: label });

/** Types at the end of a rich-text field, as a person would. */
export async function typeInto(field: Locator, text: string): Promise<void> {
	await field.click();
	await field.press('End');
	await field.press('Control+End');
	await field.pressSequentially(text);
}

/**
 * The chair closes the meeting through its dialog. Open actions carried from an earlier
 * meeting may lack an owner or a due date (earlier journeys leave some): the dialog then
 * asks the chair to confirm, and the chair does.
 */
export async function closeTheMeeting(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Close the meeting' }).click();
	const dialog = page.getByRole('dialog', { name: 'Close the meeting' });
	await expect(dialog).toBeVisible();
	const confirm = dialog.getByLabel(/Close anyway/);
	if ((await confirm.count()) > 0) await confirm.check();
	await dialog.getByRole('button', { name: 'Close meeting' }).click();
	await expect(dialog).toBeHidden();
}
