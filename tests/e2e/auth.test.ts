import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, demoEmail, expectNoAxeViolations, signIn, signOut } from './support.ts';

/**
 * Accounts, sessions and two-factor authentication, through the real pages.
 *
 * Demo accounts used here, chosen so that no other journey depends on their state:
 * - physio: LOCKED for 15 minutes by the rate-limit test (five wrong passwords). No other
 *   journey may sign in as physio.
 * - camhs: enrols in two-factor authentication and turns it off again at the end.
 * - admin and ta: the organisation requirement; switched off again before the test ends.
 * - ep: sign in and out, and the signed-in devices page (its sessions are signed out).
 * - ot: the change-password page (validation only: the password is not changed).
 */

const IPHONE_SAFARI =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

async function submitPassword(page: Page, localPart: string, password: string): Promise<void> {
	await page.goto('/sign-in');
	await page.getByLabel('Email address').fill(demoEmail(localPart));
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

const lastStepUsed = new WeakMap<Uint8Array, number>();
const STEP_MS = 30_000;
/** Time left for a code to reach the server and be checked before its step runs out. */
const SAFETY_MS = 5_000;

/**
 * A code for a key shown on the set-up page, as a phone with a drifting clock would show
 * it. Each code works once and only a later one after it, and the server accepts the
 * steps either side of its own (totp.ts), so the journey uses the earliest step that will
 * still be accepted a few seconds from now, then the next: three codes fit in one step's
 * time, and only a fourth would wait for the clock.
 */
async function codeFor(key: Uint8Array): Promise<string> {
	const used = lastStepUsed.get(key) ?? -Infinity;
	// The earliest step still accepted SAFETY_MS from now, and the latest accepted now.
	const earliest = () => Math.floor((Date.now() + SAFETY_MS) / STEP_MS) - 1;
	const latest = () => Math.floor(Date.now() / STEP_MS) + 1;
	await expect
		.poll(() => used + 1 <= latest(), { timeout: 35_000, message: 'the next code' })
		.toBe(true);
	const step = Math.max(earliest(), used + 1);
	lastStepUsed.set(key, step);
	return generateHOTP(key, BigInt(step), 6);
}

/** Enrols the signed-in user in two-factor authentication; returns the key and recovery codes. */
async function enrolTwoFactor(page: Page): Promise<{ key: Uint8Array; recoveryCodes: string[] }> {
	await page.goto('/account/two-factor');
	await expect(
		page.getByRole('heading', { name: 'Set up two-factor authentication' })
	).toBeVisible();
	await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
	const shownKey = (await page.locator('#manual-key').textContent()) ?? '';
	const key = decodeBase32IgnorePadding(shownKey.replace(/\s/g, ''));
	await page.getByLabel('6-digit code').fill(await codeFor(key));
	await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
	await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
	const recoveryCodes = await page.locator('.codes code').allTextContents();
	expect(recoveryCodes).toHaveLength(10);
	return { key, recoveryCodes };
}

async function turnOffTwoFactor(page: Page, key: Uint8Array): Promise<void> {
	await page.goto('/account/two-factor');
	await page
		.getByLabel('6-digit code from your app', { exact: true })
		.last()
		.fill(await codeFor(key));
	await page.getByRole('button', { name: 'Turn off two-factor authentication' }).click();
	await expect(page.getByText('Two-factor authentication is off.')).toBeVisible();
}

async function newSignedInPage(browser: Browser, localPart: string, userAgent?: string) {
	const context = await browser.newContext(userAgent ? { userAgent } : {});
	const page = await context.newPage();
	await signIn(page, localPart);
	return { context, page };
}

test.describe('signing in and out', () => {
	test('a demo user signs in, finds their account, and signs out', async ({ page }) => {
		await page.goto('/sign-in');
		await expectNoAxeViolations(page);
		await signIn(page, 'ep');
		await page.getByRole('link', { name: 'Your account' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
		await expect(page.getByText(demoEmail('ep'))).toBeVisible();
		await expectNoAxeViolations(page);
		await signOut(page);
		await page.goto('/account');
		await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Faccount$/);
	});

	test("a stranger's wrong passwords lock out new devices but not the owner's own laptop", async ({
		page,
		browser
	}) => {
		// Eight password attempts over two browsers: about 23 s on a busy 2-core machine.
		test.slow();
		// physio is used by no other journey: this locks it for new devices for 15 minutes.
		// The owner signed in on their laptop last week; the stranger's browser never has.
		const laptop = await newSignedInPage(browser, 'physio');
		await signOut(laptop.page);
		for (let attempt = 1; attempt <= 4; attempt += 1) {
			await submitPassword(page, 'physio', `wrong password ${attempt}`);
			await expect(
				page.getByText('The email address or password is not right').first()
			).toBeVisible();
		}
		await submitPassword(page, 'physio', 'wrong password 5');
		const limit = /^Too many attempts to sign in\. Try again in 15 minutes, use a device/;
		await expect(page.getByText(limit).first()).toBeVisible();
		await expectNoAxeViolations(page);
		// On the stranger's browser the password is not even checked while the limit holds.
		await submitPassword(page, 'physio', DEMO_PASSWORD);
		await expect(page.getByText(/^Too many attempts to sign in\./).first()).toBeVisible();
		await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
		// The owner, from the same address, on the laptop they have used before, gets in.
		try {
			await submitPassword(laptop.page, 'physio', DEMO_PASSWORD);
			await expect(laptop.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
		} finally {
			await laptop.context.close();
		}
	});
});

test.describe('signed-in devices', () => {
	// Three browsers each sign in (argon2 on purpose takes a while): more than the default time.
	test.describe.configure({ timeout: 60_000 });

	test('lists this device and signs out another one', async ({ browser }) => {
		const laptop = await newSignedInPage(browser, 'ep');
		const phone = await newSignedInPage(browser, 'ep', IPHONE_SAFARI);
		const tablet = await newSignedInPage(browser, 'ep');
		try {
			await laptop.page.goto('/account/devices');
			await expect(laptop.page.getByRole('heading', { name: 'Signed-in devices' })).toBeVisible();
			await expect(laptop.page.getByText('This device', { exact: true })).toHaveCount(1);
			await expect(laptop.page.getByText('Safari on an iPhone', { exact: true })).toBeVisible();
			await expectNoAxeViolations(laptop.page);

			await laptop.page.getByRole('button', { name: /^Sign out Safari on an iPhone/ }).click();
			await expect(laptop.page.getByText('The device has been signed out.')).toBeVisible();
			await expect(laptop.page.getByText('Safari on an iPhone', { exact: true })).toHaveCount(0);
			await phone.page.goto('/account');
			await expect(phone.page).toHaveURL(/\/sign-in/);

			await laptop.page.getByRole('button', { name: 'Sign out of all other devices' }).click();
			await expect(laptop.page.getByText('Every other device has been signed out.')).toBeVisible();
			await expect(laptop.page.locator('tbody tr')).toHaveCount(1);
			await tablet.page.goto('/account');
			await expect(tablet.page).toHaveURL(/\/sign-in/);
			// The laptop itself is still signed in.
			await laptop.page.goto('/account');
			await expect(laptop.page.getByRole('heading', { name: 'Your account' })).toBeVisible();
		} finally {
			await Promise.all([laptop, phone, tablet].map(({ context }) => context.close()));
		}
	});
});

test.describe('change password', () => {
	test('explains what is wrong without changing anything', async ({ page }) => {
		await signIn(page, 'ot');
		await page.goto('/account/password');
		await expect(page.getByRole('heading', { name: 'Change your password' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByLabel('Current password').fill(DEMO_PASSWORD);
		await page.getByLabel('New password', { exact: true }).fill('password1');
		await page.getByLabel('New password again').fill('password1');
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(
			page.getByRole('link', { name: /^Choose a password that is harder to guess/ })
		).toBeVisible();
		await expectNoAxeViolations(page);
	});
});

test.describe('two-factor authentication', () => {
	// Several sign-ins and axe scans in one journey: more than the default time.
	test.describe.configure({ timeout: 60_000 });

	test('enrol with a code, then sign in with a code and with a recovery code', async ({ page }) => {
		// Three codes from the app, each used once: the last may wait for the clock.
		test.slow();
		await signIn(page, 'camhs');
		await page.goto('/account/two-factor');
		await expectNoAxeViolations(page);
		const { key, recoveryCodes } = await enrolTwoFactor(page);
		await expectNoAxeViolations(page);
		try {
			await page.getByRole('link', { name: 'I have saved my recovery codes' }).click();
			await signOut(page);

			// The password alone now leads to the code page, and nowhere else.
			await submitPassword(page, 'camhs', DEMO_PASSWORD);
			await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
			await expect(
				page.getByRole('heading', { name: 'Enter the code from your authenticator app' })
			).toBeVisible();
			await expectNoAxeViolations(page);
			await page.goto('/home');
			await expect(page).toHaveURL(/\/sign-in\/two-factor/);
			await page.getByLabel('6-digit code').fill(await codeFor(key));
			await page.getByRole('button', { name: 'Continue' }).click();
			await expect(page).toHaveURL(/\/home$/);
			await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
			await signOut(page);

			// A recovery code works once.
			await submitPassword(page, 'camhs', DEMO_PASSWORD);
			await page.getByRole('link', { name: /use a recovery code/ }).click();
			await expect(page.getByRole('heading', { name: 'Enter a recovery code' })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByLabel('Recovery code').fill(recoveryCodes[0] ?? '');
			await page.getByRole('button', { name: 'Continue' }).click();
			await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
			await page.goto('/account/two-factor');
			await expect(page.getByText('You have 9 unused recovery codes.')).toBeVisible();
			await expectNoAxeViolations(page);
		} finally {
			await turnOffTwoFactor(page, key);
		}
	});

	test('an organisation can require two-factor of every member', async ({ browser }) => {
		const admin = await newSignedInPage(browser, 'admin');
		const { key } = await enrolTwoFactor(admin.page);
		const member = await browser.newContext();
		try {
			await admin.page.goto('/organisation/settings');
			await expectNoAxeViolations(admin.page);
			await admin.page.getByLabel('Yes, require it for every member').check();
			await admin.page
				.getByRole('button', { name: 'Save settings for Oakfield Primary School' })
				.click();
			await expect(
				admin.page.getByText('The settings for Oakfield Primary School have been saved.')
			).toBeVisible();

			// A member without two-factor is sent to set it up, and cannot go elsewhere.
			const page = await member.newPage();
			await submitPassword(page, 'ta', DEMO_PASSWORD);
			await expect(page).toHaveURL(/\/account\/two-factor$/);
			await expect(
				page.getByText(
					'Oakfield Primary School requires everyone in the organisation to use two-factor authentication.',
					{ exact: false }
				)
			).toBeVisible();
			await expectNoAxeViolations(page);
			await page.goto('/home');
			await expect(page).toHaveURL(/\/account\/two-factor$/);
		} finally {
			await admin.page.goto('/organisation/settings');
			await admin.page.getByLabel('No, let each member choose').check();
			await admin.page
				.getByRole('button', { name: 'Save settings for Oakfield Primary School' })
				.click();
			await expect(admin.page.getByText(/have been saved/)).toBeVisible();
			await turnOffTwoFactor(admin.page, key);
			await Promise.all([admin.context.close(), member.close()]);
		}
	});
});
