import { expect, test, type Page } from '@playwright/test';
import { meetingDocumentName } from '../../src/lib/shared/collab/documentName.ts';
import { readSchemaVersion, setFieldText } from '../../src/lib/shared/collab/meetingDoc.ts';
import { ukDateOf } from '../../src/lib/shared/domain/ukCalendar.ts';
import {
	connectProvider,
	waitFor,
	waitForSaved
} from '../../src/lib/server/collab/testing/collabTestServer.ts';
import { aaronsFirstMeetingId, expectNoAxeViolations, signIn, signOut } from './support.ts';

/**
 * The history of a meeting: who changed what, and the meeting as it was at a chosen
 * moment. The change is made over the real collaboration websocket with the signed-in
 * SENCo's own session, as their browser would.
 */

async function writeAsSenco(page: Page, meetingId: string, text: string): Promise<void> {
	const session = (await page.context().cookies()).find((c) => c.name === 'coplan_session');
	if (!session) throw new Error('not signed in');
	const url = new URL('/collab', page.url());
	url.protocol = 'ws:';
	const connection = connectProvider({
		url: url.toString(),
		name: meetingDocumentName(meetingId),
		cookie: `coplan_session=${session.value}`
	});
	try {
		await waitFor(
			() => readSchemaVersion(connection.document) !== null,
			'the live meeting',
			15_000
		);
		setFieldText(connection.document, 'familyViews', text);
		await waitForSaved(connection);
	} finally {
		connection.close();
	}
}

test('the history names who changed what and shows the meeting as it was', async ({ page }) => {
	await signIn(page, 'senco');
	const meetingId = await aaronsFirstMeetingId(page);
	const text = `Family views for the history check ${Date.now()}`;
	await writeAsSenco(page, meetingId, text);

	await page.goto(`/meetings/${meetingId}/history`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'History of the meeting' })
	).toBeVisible();
	await expect(
		page
			.getByRole('listitem')
			.filter({ hasText: 'Priya Shah' })
			.filter({ hasText: 'The family’s views' })
	).not.toHaveCount(0);
	await expectNoAxeViolations(page);

	// Tomorrow at noon: after the change, so the snapshot holds it.
	const tomorrow = ukDateOf(new Date(Date.now() + 24 * 3600 * 1000));
	await page.getByLabel('Date').fill(tomorrow);
	await page.getByLabel('Time (UK)').fill('12:00');
	await page.getByRole('button', { name: 'Show the meeting at that time' }).click();
	await expect(page.getByRole('heading', { name: /The meeting on/ })).toBeVisible();
	await expect(page.getByText(text)).toBeVisible();
	await expectNoAxeViolations(page);

	// A moment long before anyone opened it.
	await page.getByLabel('Date').fill('2020-01-01');
	await page.getByLabel('Time (UK)').fill('09:00');
	await page.getByRole('button', { name: 'Show the meeting at that time' }).click();
	await expect(
		page.getByText('The live meeting had not been opened yet at that time.')
	).toBeVisible();
});

test('a moment that is not a real date gets a clear error', async ({ page }) => {
	await signIn(page, 'senco');
	const meetingId = await aaronsFirstMeetingId(page);
	await page.goto(`/meetings/${meetingId}/history?date=2026-02-31&time=25:99`);
	await expect(page.getByRole('alert')).toContainText('There is a problem');
	await expect(page.getByRole('link', { name: /Enter a real date/ })).toBeVisible();
	await expect(page.getByText('Error: Enter a time, for example 10:30')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('someone outside the team cannot see the history', async ({ page }) => {
	await signIn(page, 'senco');
	const meetingId = await aaronsFirstMeetingId(page);
	await signOut(page);
	await signIn(page, 'maya.parent');
	const response = await page.goto(`/meetings/${meetingId}/history`);
	expect(response?.status()).toBe(404);
});

test('an organisation admin restores the meeting to the moment shown; the SENCo may not', async ({
	page
}) => {
	await signIn(page, 'senco');
	const meetingId = await aaronsFirstMeetingId(page);
	const text = `Family views kept by the restore ${Date.now()}`;
	await writeAsSenco(page, meetingId, text);
	const tomorrow = ukDateOf(new Date(Date.now() + 24 * 3600 * 1000));
	const shown = `/meetings/${meetingId}/history?date=${tomorrow}&time=12:00`;

	// The SENCo sees the moment but cannot restore it, by the page or by a crafted post.
	await page.goto(shown);
	await expect(page.getByRole('heading', { name: /The meeting on/ })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Restore this version' })).toHaveCount(0);
	const crafted = await page.request.post(`${shown}&/restore`, {
		form: { confirm: 'yes' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect([403, 404]).toContain(crafted.status());
	await signOut(page);

	await signIn(page, 'admin');
	await page.goto(shown);
	const restore = page.getByRole('button', { name: 'Restore this version' });
	await restore.click();
	await expect(page.getByRole('alert')).toContainText('Tick the box to confirm');
	await page.getByLabel('I understand that the meeting as it is now will be replaced').check();
	await restore.click();
	await expect(page.getByRole('status')).toContainText(
		'The meeting has been restored to how it was'
	);
	await expect(page.getByText(text)).toBeVisible();
	await expectNoAxeViolations(page);
});
