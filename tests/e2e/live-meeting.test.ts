import { expect, test, type Page } from '@playwright/test';
import { editor, offlineCopies, openLive, READ_ONLY, SAVED, syncStatus, typeInto } from './live.ts';
import {
	expectNoAxeViolations,
	openAaron,
	openAs,
	scheduleReviewForAaron,
	signIn,
	signOut
} from './support.ts';

/**
 * The live meeting in Chromium: the SENCo (who chairs), Aaron's parent and the speech and
 * language therapist each in their own browser context, editing one meeting at once.
 */

/** Aaron's upcoming annual review (from the demo data), found through his record. */
async function aaronsUpcomingMeeting(page: Page): Promise<string> {
	await openAaron(page);
	const upcoming = page
		.getByRole('heading', { name: 'Upcoming' })
		.locator('xpath=following-sibling::ul[1]')
		.getByRole('link', { name: /^Annual review/ })
		.first();
	const href = await upcoming.getAttribute('href');
	const id = /\/meetings\/([0-9a-f-]{36})/.exec(href ?? '')?.[1];
	if (!id) throw new Error(`No upcoming meeting link on Aaron's page (found ${href})`);
	return id;
}

test.describe('the live meeting', () => {
	test.describe.configure({ timeout: 90_000 });

	test('three people write together, see each other, assign an action and end read-only when the chair closes', async ({
		browser
	}) => {
		const senco = await openAs(browser, 'senco');
		const parent = await openAs(browser, 'aaron.parent');
		const salt = await openAs(browser, 'salt');
		try {
			const meetingId = await scheduleReviewForAaron(senco.page, 30);
			for (const person of [senco, parent, salt]) await openLive(person.page, meetingId);

			// Presence: everyone sees everyone, with name and role.
			for (const { page } of [senco, parent, salt]) {
				const here = page.getByRole('region', { name: /Here now/ });
				await expect(here.getByRole('heading')).toHaveText('Here now (3)');
				await expect(here).toContainText('Priya Shah');
				await expect(here).toContainText('Sarah Thompson');
				await expect(here).toContainText('Sam Okafor');
				await expect(here).toContainText('Speech and language therapist (SaLT)');
			}

			// All three write in the same field; each sees the others' words.
			const family = /What the family says, in their own words/;
			await typeInto(editor(parent.page, family), 'Aaron signs “more” at home. ');
			await expect(senco.page.getByRole('region', { name: /Here now/ })).toContainText(
				'Sarah Thompson (Parent or carer) is editing the family’s views'
			);
			// Her name beside her caret stays inside the field, off its label and hint.
			const caretName = senco.page.locator('.collab-caret-label', { hasText: 'Sarah Thompson' });
			await expect(caretName).toBeVisible();
			const nameBox = await caretName.boundingBox();
			const fieldBox = await editor(senco.page, family).boundingBox();
			expect(nameBox && fieldBox && nameBox.y >= fieldBox.y).toBe(true);
			await typeInto(editor(salt.page, family), 'He copies signs quickly. ');
			await typeInto(editor(senco.page, family), 'School will learn his signs.');
			for (const { page } of [senco, parent, salt]) {
				const field = editor(page, family);
				await expect(field).toContainText('Aaron signs “more” at home.');
				await expect(field).toContainText('He copies signs quickly.');
				await expect(field).toContainText('School will learn his signs.');
			}

			// The SENCo adds an action and gives it to the SaLT, with a due date. (Open actions
			// of an earlier run's meeting are carried into this one: the words are unique.)
			const run = Date.now();
			const signs = `Teach the class five of Aaron’s home signs (${run})`;
			const hearing = `Check the hearing test results (${run})`;
			await senco.page.getByRole('button', { name: 'Add an action' }).click();
			const actionText = senco.page
				.getByRole('textbox', { name: /Action \d+: what will be done/ })
				.last();
			await expect(actionText).toBeFocused();
			await actionText.pressSequentially(signs);
			const action = senco.page.getByRole('article').filter({ hasText: signs });
			await action
				.getByLabel('Owner')
				.selectOption({ label: 'Sam Okafor (Speech and language therapist (SaLT))' });
			await action.getByLabel('Due date').fill('2027-02-15');
			await expect(action).toContainText('Agency: Northshire Community Health');

			const saltsView = salt.page.getByRole('article').filter({ hasText: signs });
			await expect(saltsView.getByLabel('Owner').locator('option:checked')).toHaveText(
				/Sam Okafor/
			);
			await expect(saltsView.getByLabel('Due date')).toHaveValue('2027-02-15');
			await expect(saltsView).toContainText('Agency: Northshire Community Health');
			await expect(salt.page.getByRole('log')).toContainText('Priya Shah (SENCo) added an action');

			// An action nobody owns yet: the close dialog lists it and asks the chair to confirm.
			await senco.page.getByRole('button', { name: 'Add an action' }).click();
			await senco.page.keyboard.type(hearing);
			await senco.page.getByRole('button', { name: 'Close the meeting' }).click();
			const dialog = senco.page.getByRole('dialog', { name: 'Close the meeting' });
			await expect(dialog).toBeVisible();
			await expect(dialog.getByRole('listitem').filter({ hasText: hearing })).toContainText(
				'no owner, no due date'
			);
			await expect(dialog.getByRole('listitem').filter({ hasText: signs })).toHaveCount(0);
			// Closing without confirming is refused by the server, which counts from the live document.
			const confirm = dialog.getByLabel(/Close anyway/);
			await dialog.getByRole('button', { name: 'Close meeting' }).click();
			await expect(dialog.getByRole('alert')).toContainText(/no owner or no due date/);
			await expect(syncStatus(parent.page)).toContainText(SAVED);
			await confirm.check();
			await dialog.getByRole('button', { name: 'Close meeting' }).click();
			await expect(dialog).toBeHidden();
			for (const { page } of [senco, parent, salt]) {
				await expect(syncStatus(page)).toContainText(READ_ONLY);
				await expect(editor(page, family)).toHaveAttribute('contenteditable', 'false');
				await expect(editor(page, family)).toHaveAttribute('aria-readonly', 'true');
			}
			await expect(salt.page.getByRole('button', { name: 'Add an action' })).toHaveCount(0);

			// Reopening needs a reason; then the others may write again.
			const reopen = senco.page.getByRole('button', { name: 'Reopen meeting' });
			await reopen.click();
			await expect(senco.page.getByRole('alert')).toContainText(
				'Enter why you are reopening the meeting'
			);
			await senco.page.getByLabel('Why are you reopening it?').fill('We forgot the transport plan');
			await reopen.click();
			await expect(syncStatus(parent.page)).toContainText(SAVED);
			await expect(editor(parent.page, family)).toHaveAttribute('contenteditable', 'true');
		} finally {
			for (const person of [senco, parent, salt]) await person.context.close();
		}
	});

	test('someone who goes offline keeps writing, and their words reach the others on reconnecting', async ({
		browser
	}) => {
		const senco = await openAs(browser, 'senco');
		const salt = await openAs(browser, 'salt');
		try {
			const meetingId = await aaronsUpcomingMeeting(senco.page);
			await openLive(senco.page, meetingId);
			await openLive(salt.page, meetingId);
			const working = /What’s working well/;
			// Unique words: the demo meeting keeps what earlier runs wrote.
			const timetables = `Short visual timetables help (${Date.now()}).`;

			await salt.context.setOffline(true);
			await expect(syncStatus(salt.page)).toContainText('Offline');
			await typeInto(editor(salt.page, working), timetables);
			await expect(syncStatus(salt.page)).toContainText(
				/Offline — \d+ changes? kept on this device/
			);
			await expect(editor(senco.page, working)).not.toContainText(timetables);

			await salt.context.setOffline(false);
			await expect(editor(senco.page, working)).toContainText(timetables);
			await expect(syncStatus(salt.page)).toContainText(SAVED);
			// Back online, the SaLT sees both again, and going offline did not make everyone
			// "leave": the others' changes list holds others' changes, not the SaLT's own state.
			const here = salt.page.getByRole('region', { name: /Here now/ });
			await expect(here.getByRole('heading')).toHaveText('Here now (2)');
			await expect(
				senco.page.getByRole('region', { name: /Here now/ }).getByRole('heading')
			).toHaveText('Here now (2)');
			const others = salt.page.getByRole('log');
			await expect(others).not.toContainText('left the meeting');
			await expect(others).not.toContainText('Offline');
		} finally {
			await senco.context.close();
			await salt.context.close();
		}
	});

	test('edits typed offline are kept on the device and sent after the page is opened again', async ({
		browser
	}) => {
		const senco = await openAs(browser, 'senco');
		const salt = await openAs(browser, 'salt');
		try {
			const meetingId = await aaronsUpcomingMeeting(senco.page);
			await openLive(senco.page, meetingId);
			await openLive(salt.page, meetingId);
			const worries = /What we are worried about/;
			const noise = `Noise in the hall at lunchtime (${Date.now()}).`;

			await salt.context.setOffline(true);
			await expect(syncStatus(salt.page)).toContainText('Offline');
			await typeInto(editor(salt.page, worries), noise);
			await expect(syncStatus(salt.page)).toContainText(/kept on this device/);
			// The page's own signal that every edit is written to the device's offline copy.
			await expect(syncStatus(salt.page)).toHaveAttribute('data-device-writes-pending', '0');
			await salt.page.close();

			// Signing out would delete the device's copy: first it names the meeting.
			await salt.context.setOffline(false);
			const again = await salt.context.newPage();
			await again.goto('/home');
			await again.getByRole('button', { name: 'Sign out' }).first().click();
			const warning = again.getByRole('dialog', {
				name: 'Some changes have not reached Coplan yet'
			});
			await expect(warning).toBeVisible();
			await expectNoAxeViolations(again);
			await warning.getByRole('button', { name: 'Stay signed in' }).click();
			await expect(warning).toBeHidden();
			await again.getByRole('button', { name: 'Sign out' }).first().click();
			await warning.getByRole('link', { name: /for Aaron/ }).click();
			await expect(syncStatus(again)).toContainText(SAVED);
			await expect(editor(senco.page, worries)).toContainText(noise);

			// Everything sent: signing out asks nothing and leaves no meeting on the device.
			await signOut(again);
			expect(await offlineCopies(again)).toEqual([]);
		} finally {
			await senco.context.close();
			await salt.context.close();
		}
	});

	test('signing out with changes that never left the device deletes them once the person agrees', async ({
		browser
	}) => {
		const parent = await openAs(browser, 'aaron.parent');
		try {
			const meetingId = await aaronsUpcomingMeeting(parent.page);
			await openLive(parent.page, meetingId);
			const familyViews = /What the family says/;
			const lost = `Written offline, then signed out (${Date.now()}).`;

			await parent.context.setOffline(true);
			await expect(syncStatus(parent.page)).toContainText('Offline');
			await typeInto(editor(parent.page, familyViews), lost);
			await expect(syncStatus(parent.page)).toHaveAttribute('data-device-writes-pending', '0');
			await parent.page.close();
			await parent.context.setOffline(false);

			const home = await parent.context.newPage();
			await home.goto('/home');
			expect(await offlineCopies(home)).toHaveLength(1);
			await home.getByRole('button', { name: 'Sign out' }).first().click();
			const warning = home.getByRole('dialog', {
				name: 'Some changes have not reached Coplan yet'
			});
			await warning.getByRole('button', { name: 'Sign out and lose the changes' }).click();
			await expect(home.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
			expect(await offlineCopies(home)).toEqual([]);

			// Signed in again, the meeting opens without the words that were never sent.
			await signIn(home, 'aaron.parent');
			await openLive(home, meetingId);
			await expect(editor(home, familyViews)).not.toContainText(lost);
		} finally {
			await parent.context.close();
		}
	});

	test('the chair moves through the agenda and locks a section by keyboard; everyone follows', async ({
		browser
	}) => {
		const senco = await openAs(browser, 'senco');
		const parent = await openAs(browser, 'aaron.parent');
		try {
			const meetingId = await aaronsUpcomingMeeting(senco.page);
			await openLive(senco.page, meetingId);
			await openLive(parent.page, meetingId);
			// A parent does not chair: no chair's controls at all.
			await expect(parent.page.getByRole('region', { name: 'Chair’s controls' })).toHaveCount(0);

			// Moving on is one button beside the agenda, not among the chair's other controls.
			const start = senco.page.getByRole('button', { name: /Start the agenda|Next agenda item/ });
			await start.focus();
			await senco.page.keyboard.press('Enter');
			const now = parent.page.getByRole('heading', { name: 'Now discussing' }).locator('..');
			await expect(now).toContainText(/Item \d+ of \d+:/);
			await expect(
				parent.page.getByRole('navigation', { name: 'Agenda' }).locator('li[aria-current="step"]')
			).toHaveCount(1);

			const actions = (page: Page) => page.getByRole('region', { name: 'Actions', exact: true });
			const lock = actions(senco.page).getByRole('button', { name: 'Lock Actions' });
			await lock.focus();
			await senco.page.keyboard.press('Enter');
			await expect(actions(parent.page)).toContainText('Locked by the chair.');
			await expect(actions(parent.page).getByRole('button', { name: 'Add an action' })).toHaveCount(
				0
			);
			await expect(parent.page.getByRole('log')).toContainText('locked Actions');
			// The chair may still write in a locked section.
			await expect(
				actions(senco.page).getByRole('button', { name: 'Add an action' })
			).toBeVisible();

			const unlock = actions(senco.page).getByRole('button', { name: 'Unlock Actions' });
			await unlock.focus();
			await senco.page.keyboard.press('Enter');
			await expect(
				actions(parent.page).getByRole('button', { name: 'Add an action' })
			).toBeVisible();

			// Leaving the page takes the parent out of everyone's presence at once.
			await parent.page.goto('/home');
			const here = senco.page.getByRole('region', { name: /Here now/ });
			await expect(here.getByRole('heading')).toHaveText('Here now (1)');
			await expect(senco.page.getByRole('log')).toContainText(
				'Sarah Thompson (Parent or carer) left the meeting'
			);
		} finally {
			await senco.context.close();
			await parent.context.close();
		}
	});

	test('someone who may only look sees it read-only; a malformed address is not found', async ({
		browser
	}) => {
		const senco = await openAs(browser, 'senco');
		// The headteacher administers the school but is not in Aaron's team.
		const head = await openAs(browser, 'admin');
		try {
			const meetingId = await aaronsUpcomingMeeting(senco.page);
			await head.page.goto(`/meetings/${meetingId}/live`);
			await expect(syncStatus(head.page)).toContainText(READ_ONLY);
			await expect(editor(head.page, /What the family says/)).toHaveAttribute(
				'contenteditable',
				'false'
			);
			const response = await head.page.goto('/meetings/not-a-meeting/live');
			expect(response?.status()).toBe(404);
		} finally {
			await senco.context.close();
			await head.context.close();
		}
	});

	test('has no detectable WCAG 2.2 AA violations, for the chair and for a parent', async ({
		browser
	}) => {
		const senco = await openAs(browser, 'senco');
		const parent = await openAs(browser, 'aaron.parent');
		try {
			const meetingId = await aaronsUpcomingMeeting(senco.page);
			await openLive(senco.page, meetingId);
			await expect(senco.page.getByRole('region', { name: 'Restricted notes' })).toBeVisible();
			await expectNoAxeViolations(senco.page);

			await openLive(parent.page, meetingId);
			// A parent's browser never asks for the restricted document.
			await expect(parent.page.getByRole('region', { name: 'Restricted notes' })).toHaveCount(0);
			await expectNoAxeViolations(parent.page);
		} finally {
			await senco.context.close();
			await parent.context.close();
		}
	});
});
