import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MEETING_DOC_SCHEMA_VERSION } from '../../src/lib/shared/collab/meetingDoc/shape.ts';
import { expectNoAxeViolations, gotoReady, signIn } from './support.ts';

/**
 * Tool tokens on the account page: made, shown once, used by a y-websocket client,
 * revoked (which disconnects the client).
 *
 * Demo account used here, and by no other journey: jordan.parent.
 */

/** A y-websocket client in Node, as a tool would connect with the token. */
function connectTool(baseUrl: string, meetingId: string, token: string) {
	const closes: { code: number; reason: string }[] = [];
	class BearerWebSocket extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers: { authorization: `Bearer ${token}` } });
			this.on('close', (code: number, reason: Buffer) =>
				closes.push({ code, reason: reason.toString() })
			);
		}
	}
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(
		`${baseUrl.replace(/^http/, 'ws')}/yws`,
		`meeting:${meetingId}`,
		doc,
		{
			// ws is API-compatible with the browser's WebSocket that y-websocket's types name.
			WebSocketPolyfill: BearerWebSocket as unknown as typeof globalThis.WebSocket,
			disableBc: true
		}
	);
	return {
		doc,
		provider,
		closes,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

test('a person makes a tool token, a tool uses it, and revoking it disconnects the tool', async ({
	page,
	baseURL
}) => {
	await signIn(page, 'jordan.parent');
	await gotoReady(page, '/account');
	await page.getByRole('link', { name: 'Tool tokens' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Tool tokens' })).toBeVisible();
	await expect(page.getByText('You have no tool tokens.')).toBeVisible();
	await expectNoAxeViolations(page);

	// Nothing filled in, and a number of days that is not one: every problem is listed.
	await page.getByLabel('Days until it expires').fill('a month');
	await page.getByRole('button', { name: 'Make token' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([
		'Enter a name for the token, so that you can tell it apart from others',
		'Choose the meeting the tool may open',
		'Enter how many days the token should last as a whole number, such as 30'
	]);
	await expectNoAxeViolations(page);
	// Each message takes the keyboard to its field.
	await summary.getByRole('link', { name: /Choose the meeting/ }).click();
	await expect(page.getByLabel('Meeting the tool may open')).toBeFocused();

	await page.getByLabel('Name').fill('Diary sync');
	const meeting = page.getByLabel('Meeting the tool may open');
	await meeting.selectOption({ index: 1 });
	const meetingId = await meeting.inputValue();
	await page.getByLabel('Only read the meeting').check();
	await page.getByLabel('Days until it expires').fill('7');
	await page.getByRole('button', { name: 'Make token' }).click();

	const created = page.getByRole('heading', { name: 'Your new token “Diary sync”' });
	await expect(created).toBeVisible();
	await expect(page.locator('.created')).toBeFocused();
	const token = await page.getByLabel('Token', { exact: true }).inputValue();
	expect(token).toMatch(/^coplan_tool_[a-z2-7]{32}$/);
	const row = page.getByRole('row', { name: /Diary sync/ });
	await expect(row).toContainText('Read only');
	await expect(row).toContainText('Never');
	await expectNoAxeViolations(page);

	const tool = connectTool(baseURL ?? '', meetingId, token);
	try {
		await expect
			.poll(() => tool.provider.synced && tool.doc.getMap('meta').get('schemaVersion'))
			.toBe(MEETING_DOC_SCHEMA_VERSION);
		// Shown once: after a reload the secret is gone, and the token shows its use.
		await page.reload();
		await expect(page.getByLabel('Token', { exact: true })).toHaveCount(0);
		await expect(page.getByRole('row', { name: /Diary sync/ })).not.toContainText('Never');

		await page.getByRole('button', { name: 'Revoke the token “Diary sync”' }).click();
		await expect(page.getByRole('status')).toContainText('The token has been revoked.');
		await expect(page.getByText('You have no tool tokens.')).toBeVisible();
		await expect.poll(() => tool.closes).toContainEqual({ code: 4401, reason: 'token-ended' });
		expect(tool.provider.shouldConnect).toBe(false);
	} finally {
		tool.destroy();
	}
});
