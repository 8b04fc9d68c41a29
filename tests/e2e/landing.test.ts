import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { connectProvider } from '../../src/lib/server/collab/testing/collabTestServer.ts';
import { meetingDocumentName } from '../../src/lib/shared/collab/documentName.ts';
import { readMeetingDoc, setFieldText } from '../../src/lib/shared/collab/meetingDoc.ts';
import { aaronsFirstMeetingId, expectNoAxeViolations, gotoReady, signIn } from './support.ts';

const SESSION_COOKIE = 'coplan_session';

test.describe('landing page', () => {
	test('shows the product name and a way to sign in', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Coplan' })).toBeVisible();
		// The header and the page body may both offer it.
		const signIn = page.getByRole('link', { name: 'Sign in' }).first();
		await expect(signIn).toBeVisible();
		await expect(signIn).toHaveAttribute('href', '/sign-in');
	});

	test('has a skip link that moves keyboard focus to the main content', async ({ page }) => {
		await page.goto('/');
		await page.keyboard.press('Tab');
		const skipLink = page.getByRole('link', { name: 'Skip to main content' });
		await expect(skipLink).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.locator('#main')).toBeFocused();
	});

	test('has no detectable WCAG 2.2 AA violations', async ({ page }) => {
		await gotoReady(page, '/');
		await expectNoAxeViolations(page);
	});
});

test.describe('health and errors', () => {
	test('GET /healthz answers 200', async ({ request }) => {
		const response = await request.get('/healthz');
		expect(response.status()).toBe(200);
	});

	test('GET /readyz reports ready', async ({ request }) => {
		const response = await request.get('/readyz');
		expect(response.status()).toBe(200);
		expect(await response.json()).toMatchObject({ status: 'ready' });
	});

	test('an unknown path answers 404 with the "Page not found" page', async ({ page }) => {
		const response = await page.goto(`/no-such-page-${randomUUID()}`);
		expect(response?.status()).toBe(404);
		await expect(page).toHaveTitle('Page not found – Coplan');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(
			page.getByText('If you typed the web address, check it is correct.')
		).toBeVisible();
		await expect(page.getByRole('link', { name: 'Go to the Coplan home page' })).toHaveAttribute(
			'href',
			'/'
		);
	});
});

/** The session cookie of a signed-in page, as a Cookie header for a Node websocket. */
async function sessionCookieHeader(page: Page): Promise<string> {
	const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
	expect(cookie, 'the session cookie').toBeDefined();
	return `${SESSION_COOKIE}=${cookie?.value ?? ''}`;
}

/** A demo meeting's live document, found the way a person finds it: Children → Aaron. */
async function demoMeetingName(page: Page): Promise<string> {
	return meetingDocumentName(await aaronsFirstMeetingId(page));
}

test.describe('live collaboration', () => {
	// The collaboration server shares the app's port: ws://<app host:port>/collab.
	const collabUrl = (baseURL: string | undefined) => {
		const url = new URL('/collab', baseURL);
		url.protocol = 'ws:';
		return url.toString();
	};

	test('two signed-in clients share edits over /collab on the app port', async ({
		page,
		baseURL
	}) => {
		await signIn(page, 'senco');
		const cookie = await sessionCookieHeader(page);
		const name = await demoMeetingName(page);
		const first = connectProvider({ url: collabUrl(baseURL), name, cookie });
		const second = connectProvider({ url: collabUrl(baseURL), name, cookie });
		try {
			await expect
				.poll(() => first.provider.isSynced && second.provider.isSynced, {
					message: 'both clients sync with the server'
				})
				.toBe(true);
			const text = `Shared at ${randomUUID()}`;
			setFieldText(first.document, 'childViews', text);
			await expect
				.poll(() => readMeetingDoc(second.document).childViews.text, {
					message: 'the edit reaches the second client'
				})
				.toBe(text);
		} finally {
			first.close();
			second.close();
		}
	});

	test('a connection without a session cookie is refused', async ({ page, baseURL }) => {
		await signIn(page, 'senco');
		const name = await demoMeetingName(page);
		const anonymous = connectProvider({ url: collabUrl(baseURL), name });
		try {
			expect(await anonymous.authenticationFailure).toBe('unauthenticated');
			expect(anonymous.provider.isSynced).toBe(false);
		} finally {
			anonymous.close();
		}
	});
});
