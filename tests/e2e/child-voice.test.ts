import { expect, test } from '@playwright/test';
import { openLive } from './live.ts';
import { expectNoAxeViolations, openAs, scheduleReviewForAaron } from './support.ts';

/**
 * The child's own voice: the SENCo makes Aaron's link, Aaron (no account, on a narrow
 * phone) answers with a face, his own words and a picture, and what he sent appears at
 * once in the open live meeting, marked as his, and in the draft minutes.
 */

// The smallest valid PNG (one transparent pixel).
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64'
);
const WORDS = 'I like playing the drums with Sam.';

test('a child gives views through their link and they appear live in the meeting and in the minutes', async ({
	browser
}) => {
	// Three browser contexts, a build of the meeting and axe on four pages: over 30 s on a
	// busy machine.
	test.slow();
	const senco = await openAs(browser, 'senco');
	try {
		const meetingId = await scheduleReviewForAaron(senco.page, 10);
		await openLive(senco.page, meetingId);

		const links = await senco.context.newPage();
		await links.goto(`/meetings/${meetingId}`);
		await links.getByRole('link', { name: /own link to give their views/ }).click();
		await expect(links.getByRole('heading', { level: 1, name: 'Aaron’s own link' })).toBeVisible();
		await expectNoAxeViolations(links);
		await links.getByRole('button', { name: 'Make a new link for Aaron' }).click();
		const url = await links.getByLabel('Link for Aaron').inputValue();
		expect(url).toMatch(/\/voice\/[a-z2-7]{32}$/);
		await expectNoAxeViolations(links);

		// Aaron opens it with no account, on a 320 px wide screen.
		const child = await browser.newContext({ viewport: { width: 320, height: 640 } });
		try {
			const page = await child.newPage();
			await page.goto(url);
			await expect(page.getByRole('heading', { level: 1, name: 'Hello, Aaron!' })).toBeVisible();
			// Only his first name and the questions: nothing else about the meeting.
			await expect(page.locator('main')).not.toContainText('Thompson');
			await expect(page.locator('main')).not.toContainText('Oakfield');
			await expectNoAxeViolations(page);
			const noSideways = await page.evaluate(
				() => document.documentElement.scrollWidth <= window.innerWidth
			);
			expect(noSideways).toBe(true);

			// Nothing given: he is asked for something, and nothing is lost.
			await page.getByRole('button', { name: 'Send my answers' }).click();
			await expect(page.getByRole('alert')).toContainText('Please answer at least one question');

			const school = page.getByRole('group', { name: /How do you feel about school/ });
			await expect(school.getByRole('button', { name: /Read this to me/ })).toBeVisible();
			await school.getByRole('radio', { name: 'Happy', exact: true }).check();
			await page.getByRole('textbox', { name: 'Your answer' }).first().fill(WORDS);
			await page.getByLabel(/Choose a picture/).setInputFiles({
				name: 'drawing.png',
				mimeType: 'image/png',
				buffer: PNG
			});
			await page.getByLabel(/Who helped you/).fill('Mum');
			await page.getByRole('button', { name: 'Send my answers' }).click();
			await expect(
				page.getByRole('heading', { level: 1, name: 'Thank you, Aaron!' })
			).toBeVisible();
			await expectNoAxeViolations(page);
		} finally {
			await child.close();
		}

		// In the open live meeting at once, marked as his.
		const entry = senco.page.getByTestId('child-voice-entry');
		await expect(entry).toContainText('In Aaron’s own words');
		await expect(entry).toContainText(WORDS);
		await expect(entry).toContainText('Happy');
		await expect(entry.getByRole('img', { name: /drawing or photo Aaron sent/ })).toBeVisible();
		await expectNoAxeViolations(senco.page);

		// And in the minutes.
		const minutes = await senco.context.newPage();
		await minutes.goto(`/meetings/${meetingId}/minutes/draft`);
		await expect(minutes.getByText('In Aaron’s own words')).toBeVisible();
		await expect(minutes.getByText(WORDS)).toBeVisible();
	} finally {
		await senco.context.close();
	}
});
