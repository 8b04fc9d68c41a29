import { expect, test } from '@playwright/test';
import { gotoReady, signIn } from './support.ts';

/** The page frame every page shares: focus after the skip link, and a phone-sized screen. */

const FOCUS_YELLOW = 'rgb(255, 221, 0)';

test('the skip link focuses the main content without painting it yellow', async ({ page }) => {
	await gotoReady(page, '/sign-in');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
	// The skip link itself has the GOV.UK focus style.
	const skipLink = page.getByRole('link', { name: 'Skip to main content' });
	expect(await skipLink.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
		FOCUS_YELLOW
	);
	await page.keyboard.press('Enter');
	const main = page.locator('main#main');
	await expect(main).toBeFocused();
	expect(await main.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
		FOCUS_YELLOW
	);
	// A field still shows the GOV.UK focus: a yellow outline around a white box.
	await page.getByLabel('Email address').focus();
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Tab');
	const field = page.getByLabel('Email address');
	expect(await field.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
		'rgb(255, 255, 255)'
	);
});

test('at 320 pixels wide the header fits: nothing scrolls sideways and Sign out is whole', async ({
	page
}) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await signIn(page, 'aaron.parent');
	await gotoReady(page, '/home');
	const signOut = page.getByRole('button', { name: 'Sign out' });
	const box = await signOut.boundingBox();
	if (!box) throw new Error('no Sign out button');
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(320);
	expect(box.height).toBeGreaterThanOrEqual(24);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBe(0);
});
