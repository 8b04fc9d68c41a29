import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../testing/factories.ts';
import { hashPassword } from '../auth/password.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import {
	ACCOUNT_SIGN_IN_LIMIT,
	KNOWN_DEVICE_SIGN_IN_LIMIT,
	signInWithPassword,
	tooManySignInAttemptsMessage
} from './signIn.ts';

const PASSWORD = 'a long and sensible passphrase';
const MINUTE = 60_000;
let database: TestDatabase;
let passwordHash: string;

beforeAll(async () => {
	database = await createTestDatabase();
	passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
	await database.close();
});

const userWithPassword = (options: { totpKey?: Uint8Array } = {}) =>
	createUser(database.db, { passwordHash, ...options });

function clock(start = Date.parse('2026-11-02T09:00:00Z')) {
	let now = start;
	return {
		now: () => new Date(now),
		advance: (ms: number) => {
			now += ms;
		}
	};
}

/** A fresh address per test, so the per-address limit of one test never affects another. */
const freshIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

describe('signInWithPassword', () => {
	it('signs in with the right password and reports two-factor enrolment', async () => {
		const plain = await userWithPassword();
		const enrolled = await userWithPassword({ totpKey: new Uint8Array(20).fill(1) });
		const ip = freshIp();
		expect(
			await signInWithPassword(database.db, { email: plain.email, password: PASSWORD, ip })
		).toEqual({ kind: 'signed-in', user: { id: plain.id, twoFactorEnabled: false } });
		expect(
			await signInWithPassword(database.db, {
				email: enrolled.email.toUpperCase(),
				password: PASSWORD,
				ip
			})
		).toEqual({ kind: 'signed-in', user: { id: enrolled.id, twoFactorEnabled: true } });
	});

	it('locks the account from that address on the fifth wrong password and then does not check passwords', async () => {
		const { email } = await userWithPassword();
		const ip = freshIp();
		const time = clock();
		for (let attempt = 1; attempt <= 4; attempt += 1) {
			const outcome = await signInWithPassword(
				database.db,
				{ email, password: 'wrong password', ip },
				time.now()
			);
			expect(outcome).toEqual({ kind: 'wrong-credentials' });
			time.advance(MINUTE);
		}
		expect(
			await signInWithPassword(database.db, { email, password: 'still wrong', ip }, time.now())
		).toEqual({ kind: 'limited', retryAfterMinutes: 11 });
		time.advance(MINUTE);
		// Even the right password is refused while the account is limited.
		expect(
			await signInWithPassword(database.db, { email, password: PASSWORD, ip }, time.now())
		).toEqual({ kind: 'limited', retryAfterMinutes: 10 });
		time.advance(10 * MINUTE);
		expect(
			await signInWithPassword(database.db, { email, password: PASSWORD, ip }, time.now())
		).toMatchObject({ kind: 'signed-in' });
	});

	it('limits an unknown email exactly as it limits a real one', async () => {
		const email = `nobody-${randomUUID()}@example.test`;
		const ip = freshIp();
		const time = clock();
		const outcomes = [];
		for (let attempt = 1; attempt <= 6; attempt += 1) {
			outcomes.push(
				await signInWithPassword(database.db, { email, password: 'guess', ip }, time.now())
			);
		}
		expect(outcomes.map((outcome) => outcome.kind)).toEqual([
			'wrong-credentials',
			'wrong-credentials',
			'wrong-credentials',
			'wrong-credentials',
			'limited',
			'limited'
		]);
	});

	it('counts the email case-insensitively', async () => {
		const { email } = await userWithPassword();
		const ip = freshIp();
		for (const variant of [email, email.toUpperCase(), ` ${email} `, email, email]) {
			await signInWithPassword(database.db, { email: variant, password: 'wrong', ip });
		}
		expect(await signInWithPassword(database.db, { email, password: PASSWORD, ip })).toMatchObject({
			kind: 'limited'
		});
	});

	it("clears the account's failures after a successful sign-in", async () => {
		const { email } = await userWithPassword();
		const ip = freshIp();
		for (let attempt = 1; attempt <= 4; attempt += 1) {
			await signInWithPassword(database.db, { email, password: 'wrong', ip });
		}
		await signInWithPassword(database.db, { email, password: PASSWORD, ip });
		for (let attempt = 1; attempt <= 4; attempt += 1) {
			expect(await signInWithPassword(database.db, { email, password: 'wrong', ip })).toEqual({
				kind: 'wrong-credentials'
			});
		}
	});

	it('limits one address trying many accounts, but not other addresses', async () => {
		const ip = freshIp();
		const { email } = await userWithPassword();
		for (let attempt = 1; attempt <= 20; attempt += 1) {
			await signInWithPassword(database.db, {
				email: `guess-${attempt}@example.test`,
				password: 'guess',
				ip
			});
		}
		expect(await signInWithPassword(database.db, { email, password: PASSWORD, ip })).toMatchObject({
			kind: 'limited'
		});
		expect(
			await signInWithPassword(database.db, { email, password: PASSWORD, ip: freshIp() })
		).toMatchObject({ kind: 'signed-in' });
	});
});

describe('a stranger cannot lock the owner out', () => {
	const wrong = (email: string, ip: string, time: ReturnType<typeof clock>) =>
		signInWithPassword(database.db, { email, password: 'wrong', ip }, time.now());

	it("another address's wrong passwords do not stop the owner's address", async () => {
		const { email } = await userWithPassword();
		const stranger = freshIp();
		const time = clock();
		for (let attempt = 1; attempt <= 10; attempt += 1) await wrong(email, stranger, time);
		expect(await wrong(email, stranger, time)).toMatchObject({ kind: 'limited' });
		expect(
			await signInWithPassword(
				database.db,
				{ email, password: PASSWORD, ip: freshIp() },
				time.now()
			)
		).toMatchObject({ kind: 'signed-in' });
	});

	it('guesses spread over many addresses stop new devices, but never a known one', async () => {
		const { email } = await userWithPassword();
		const time = clock();
		for (let attempt = 1; attempt <= ACCOUNT_SIGN_IN_LIMIT.limit; attempt += 1) {
			expect(await wrong(email, freshIp(), time)).toMatchObject({
				kind: attempt === ACCOUNT_SIGN_IN_LIMIT.limit ? 'limited' : 'wrong-credentials'
			});
		}
		// A new device, from yet another address, is refused without its password being checked…
		expect(
			await signInWithPassword(
				database.db,
				{ email, password: PASSWORD, ip: freshIp() },
				time.now()
			)
		).toMatchObject({ kind: 'limited' });
		// …while the owner's laptop, on the same address as a guesser, gets in.
		const sharedAddress = freshIp();
		for (let attempt = 1; attempt <= 25; attempt += 1) await wrong(email, sharedAddress, time);
		expect(
			await signInWithPassword(
				database.db,
				{ email, password: PASSWORD, ip: sharedAddress, knownDevice: 'owners-laptop' },
				time.now()
			)
		).toMatchObject({ kind: 'signed-in' });
	});

	it('a known device is still limited by its own wrong passwords', async () => {
		const { email } = await userWithPassword();
		const ip = freshIp();
		const guess = (password: string) =>
			signInWithPassword(database.db, { email, password, ip, knownDevice: 'stolen-laptop' });
		for (let attempt = 1; attempt < KNOWN_DEVICE_SIGN_IN_LIMIT.limit; attempt += 1) {
			expect(await guess('wrong')).toEqual({ kind: 'wrong-credentials' });
		}
		expect(await guess('wrong')).toMatchObject({ kind: 'limited' });
		expect(await guess(PASSWORD)).toMatchObject({ kind: 'limited' });
		// Another of the owner's devices is not affected.
		expect(
			await signInWithPassword(database.db, { email, password: PASSWORD, ip, knownDevice: 'phone' })
		).toMatchObject({ kind: 'signed-in' });
	});
});

describe('tooManySignInAttemptsMessage', () => {
	it('reads naturally for one and for several minutes', () => {
		expect(tooManySignInAttemptsMessage(1)).toMatch(
			/^Too many attempts to sign in\. Try again in 1 minute, use a device/
		);
		expect(tooManySignInAttemptsMessage(15)).toMatch(
			/^Too many attempts to sign in\. Try again in 15 minutes, use a device/
		);
	});
});
