import { expect, test, type Page } from '@playwright/test';
import { openLive, SAVED, syncStatus } from './live.ts';
import { expectNoAxeViolations, openAs, scheduleReviewForAaron } from './support.ts';

/**
 * The live meeting as a room for an hour's conversation, at desktop size: the chair moves
 * everyone on with one button, a follower's page shows the item, someone who does not
 * follow (here the chair) stays where they are, and each person folds sections for
 * themselves.
 */

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const foldButton = (page: Page, name: string) =>
	section(page, name).getByRole('button', { name: /this section$/ });
const agenda = (page: Page) => page.getByRole('navigation', { name: 'Agenda' });
const currentItem = (page: Page) => agenda(page).locator('li[aria-current="step"]');

test.describe('the meeting room', () => {
	test.describe.configure({ timeout: 90_000 });

	test('the chair moves the meeting on; followers see the item, others stay; folding is personal', async ({
		browser
	}) => {
		const senco = await openAs(browser, 'senco');
		const parent = await openAs(browser, 'aaron.parent');
		try {
			const meetingId = await scheduleReviewForAaron(senco.page, 33);
			// Less motion: pages jump instead of gliding, so a page that moves, moves at once.
			for (const { page } of [senco, parent]) {
				await page.emulateMedia({ reducedMotion: 'reduce' });
				await openLive(page, meetingId);
			}

			// The chair chooses not to follow, and this device remembers it.
			const follow = senco.page.getByRole('checkbox', { name: 'Follow the agenda' });
			await expect(follow).toBeChecked();
			await follow.uncheck();
			await senco.page.reload();
			await expect(syncStatus(senco.page)).toContainText(SAVED);
			await expect(follow).not.toBeChecked();

			// Four presses of the one control: item 4 of the interim review is about outcomes.
			const moveOn = senco.page.getByRole('button', { name: /Start the agenda|Next agenda item/ });
			for (let press = 0; press < 4; press += 1) await moveOn.click();
			for (const { page } of [senco, parent]) {
				await expect(currentItem(page)).toContainText('Progress towards the outcomes');
			}
			await expect(section(parent.page, 'Outcomes')).toBeInViewport();
			expect(await senco.page.evaluate(() => window.scrollY)).toBe(0);
			await expect(section(senco.page, 'Outcomes')).not.toBeInViewport();

			// The parent folds Actions away; for the SENCo it stays open.
			await foldButton(parent.page, 'Actions').click();
			await expect(foldButton(parent.page, 'Actions')).toHaveAttribute('aria-expanded', 'false');
			await expect(section(parent.page, 'Actions').getByText(/Each action has one/)).toBeHidden();
			await expect(section(senco.page, 'Actions').getByText(/Each action has one/)).toBeVisible();

			// When the meeting reaches the actions, the section opens again and is shown, with
			// the agenda and who is here still in view beside it.
			for (let press = 0; press < 3; press += 1) await moveOn.click();
			await expect(foldButton(parent.page, 'Actions')).toHaveAttribute('aria-expanded', 'true');
			await expect(section(parent.page, 'Actions')).toBeInViewport();
			await expect(currentItem(parent.page)).toBeInViewport();
			await expect(parent.page.getByRole('region', { name: /Here now/ })).toBeInViewport();

			// Someone not following goes to an item by its link, and focus goes with them.
			await agenda(senco.page)
				.getByRole('link', { name: /Written contributions/ })
				.click();
			await expect(section(senco.page, 'Written contributions')).toBeInViewport();
			await expect(section(senco.page, 'Written contributions')).toBeFocused();

			// Only the item being discussed, for a person who wants less on the page.
			await parent.page.getByRole('button', { name: 'Show only the item being discussed' }).click();
			await expect(foldButton(parent.page, 'Outcomes')).toHaveAttribute('aria-expanded', 'false');
			await expect(foldButton(parent.page, 'Actions')).toHaveAttribute('aria-expanded', 'true');
			await expectNoAxeViolations(parent.page);
		} finally {
			await senco.context.close();
			await parent.context.close();
		}
	});
});
