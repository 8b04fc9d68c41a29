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
