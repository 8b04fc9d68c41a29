import { devices, expect, test, type Page } from '@playwright/test';
import { editor, openLive } from './live.ts';
import { expectNoAxeViolations, gotoReady, openAaron, signIn } from './support.ts';

/**
 * A phone 320 pixels wide (Chromium's emulation of a touch screen): the pages of a
 * meeting fit without sideways scrolling, every control is at least 24 by 24 pixels, axe
 * finds nothing, and in the live meeting the bar at the top keeps the meeting in view
 * without covering the field being typed in.
 */

test.use({
	...devices['Pixel 5'],
	viewport: { width: 320, height: 640 },
	screen: { width: 320, height: 640 },
	// Layout is in CSS pixels whatever the density; one device pixel each renders faster.
	deviceScaleFactor: 1
});

/** Controls smaller than 24 × 24 px, except links within a sentence (WCAG 2.5.8's exception). */
function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const selector =
			'a[href], button, input:not([type="hidden"]), select, textarea, summary, [contenteditable="true"]';
		return [...document.querySelectorAll<HTMLElement>(selector)]
			.filter((element) => {
				if (!element.checkVisibility({ visibilityProperty: true })) return false;
				if (getComputedStyle(element).display === 'inline') return false;
				const box = element.getBoundingClientRect();
				// Visually hidden (read out only) or off the screen until focused (the skip link).
				if (box.width <= 1 || box.right <= 0) return false;
				return box.width < 24 || box.height < 24;
			})
			.map((element) => {
				const box = element.getBoundingClientRect();
				const name = (element.textContent ?? '').trim().slice(0, 40) || element.id;
				return `${element.tagName.toLowerCase()} “${name}” ${Math.round(box.width)}×${Math.round(box.height)}`;
			});
	});
}

async function expectFitsThePhone(page: Page): Promise<void> {
	const { overflow, widest } = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		// The innermost elements reaching past the screen's edge, to say what to fix.
		const past = [...document.querySelectorAll<HTMLElement>('body *')].filter(
			(element) =>
				element.getBoundingClientRect().right > width + 1 &&
				![...element.children].some((child) => child.getBoundingClientRect().right > width + 1)
		);
		return {
			overflow: document.documentElement.scrollWidth - width,
			widest: past
				.slice(0, 5)
				.map(
					(element) =>
						`${element.tagName.toLowerCase()}.${element.className} “${(element.textContent ?? '').trim().slice(0, 40)}” to ${Math.round(element.getBoundingClientRect().right)} px`
				)
		};
	});
	expect(overflow, `sideways scrolling on ${page.url()}: ${widest.join('; ')}`).toBeLessThanOrEqual(
		0
	);
	expect(await smallTargets(page), `small targets on ${page.url()}`).toEqual([]);
	await expectNoAxeViolations(page);
}

/** Aaron's first upcoming and first closed meetings, from his page. */
async function aaronsMeetings(page: Page): Promise<{ upcoming: string; closed: string }> {
	await openAaron(page);
	const first = async (heading: string) => {
		const href = await page
			.getByRole('heading', { name: heading })
			.locator('xpath=following-sibling::ul[1]')
			.getByRole('link')
			.first()
			.getAttribute('href');
		const id = /\/meetings\/([0-9a-f-]{36})/.exec(href ?? '')?.[1];
		if (!id) throw new Error(`no ${heading} meeting on Aaron's page (found ${href})`);
		return id;
	};
	return { upcoming: await first('Upcoming'), closed: await first('Closed') };
}

test('at 320 pixels wide the live meeting, the meeting page, Your actions and the family summary work', async ({
	page
}) => {
	// About 20 s on a quiet machine; the others’ journeys allow the same for a loaded one.
	test.setTimeout(90_000);
	await signIn(page, 'senco');
	const { upcoming, closed } = await aaronsMeetings(page);

	await openLive(page, upcoming);

	// Far down the page, the bar still says where the meeting is and who is here.
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	const toggle = page.getByRole('button', { name: 'Agenda', exact: true });
	await expect(toggle).toBeInViewport();
	await expect(page.getByRole('region', { name: /Here now/ })).toBeInViewport();
	// Its agenda opens on demand, and an item's link shows its section below the bar.
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	// Checked with the bar's agenda open over the page: the bar and the agenda, at once.
	await expectFitsThePhone(page);
	await page
		.getByRole('navigation', { name: 'Agenda' })
		.getByRole('link', { name: /views, wishes and feelings/ })
		.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	const views = page.getByRole('region', { name: 'Aaron’s views', exact: true });
	await expect(views).toBeFocused();
	// Once the page has glided there, the section starts just below the bar.
	const belowTheBar = () =>
		views.evaluate((element) => {
			const bar = document.querySelector('.room-side')?.getBoundingClientRect().bottom ?? 0;
			const top = element.getBoundingClientRect().top;
			return top >= bar && top < bar + 48;
		});
	await expect.poll(belowTheBar).toBe(true);

	// With the on-screen keyboard open (the page resizes to what is left), the field being
	// typed in stays in view and the bar no longer covers the top of the screen.
	const field = editor(page, /What Aaron says, in their own words/);
	await field.click();
	await page.setViewportSize({ width: 320, height: 330 });
	await expect(field).toBeFocused();
	await expect(field).toBeInViewport();
	const uncovered = await field.evaluate((element) => {
		const box = element.getBoundingClientRect();
		const top = Math.max(box.top, 0) + 8;
		return element.contains(document.elementFromPoint(box.left + 8, top));
	});
	expect(uncovered).toBe(true);
	await page.setViewportSize({ width: 320, height: 640 });
	// A long address or reference typed in wraps inside its field instead of widening the page.
	await field.press('End');
	await field.pressSequentially(` https://example.org/${'reference'.repeat(6)}`);
	// Someone from outside the team can be removed again: the button fits under their choice.
	await page.locator('#attendee-name').fill('Ana Popescu');
	await page.locator('#attendee-role').fill('Romanian interpreter');
	await page.getByRole('button', { name: 'Add to attendance' }).click();
	await expect(page.getByRole('button', { name: 'Remove Ana Popescu' })).toBeVisible();
	await expectFitsThePhone(page);

	await gotoReady(page, `/meetings/${upcoming}`);
	await expectFitsThePhone(page);
	await gotoReady(page, '/actions');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your actions');
	await expectFitsThePhone(page);
	await gotoReady(page, `/meetings/${closed}/minutes/1/family`);
	await expectFitsThePhone(page);
});

test('at 320 pixels wide Aaron’s page, his plan with its charts and its versions fit', async ({
	page
}) => {
	test.setTimeout(90_000);
	await signIn(page, 'senco');
	const childPath = await openAaron(page);
	await expectFitsThePhone(page);
	await gotoReady(page, `${childPath}/plan`);
	await expect(page.getByRole('heading', { level: 1, name: 'Aaron’s plan' })).toBeVisible();
	await expectFitsThePhone(page);
	await gotoReady(page, `${childPath}/plan/versions`);
	await expect(page.getByRole('table', { name: /, part by part/ })).toBeVisible();
	await expectFitsThePhone(page);
});
