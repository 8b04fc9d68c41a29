import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../testing/factories.ts';
import { createSession, generateSessionToken, validateSessionToken } from '../../auth/session.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { listSignedInDevices, signOutDevice, signOutOtherDevices } from './devices.ts';

const CHROME_WINDOWS =
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

async function signIn(userId: string, userAgent: string | null, at: Date) {
	const token = generateSessionToken();
	const session = await createSession(database.db, token, userId, userAgent, at);
	return { token, id: session.id };
}

describe('signed-in devices', () => {
	it('lists this device first, then the most recently seen, in plain words', async () => {
		const { id: userId } = await createUser(database.db);
		const phone = await signIn(userId, SAFARI_IPHONE, new Date('2026-11-01T08:00:00Z'));
		const laptop = await signIn(userId, CHROME_WINDOWS, new Date('2026-11-02T08:00:00Z'));
		const old = await signIn(userId, null, new Date('2026-10-20T08:00:00Z'));
		const devices = await listSignedInDevices(
			database.db,
			userId,
			phone.id,
			new Date('2026-11-02T09:00:00Z')
		);
		expect(devices.map((device) => [device.description, device.current])).toEqual([
			['Safari on an iPhone', true],
			['Chrome on Windows', false],
			['An unknown device', false]
		]);
		expect(devices[1]?.id).toBe(laptop.id);
		expect(devices[2]?.id).toBe(old.id);
	});

	it("signs out one of the user's devices, but never someone else's", async () => {
		const { id: userId } = await createUser(database.db);
		const { id: intruder } = await createUser(database.db);
		const mine = await signIn(userId, null, new Date());
		const theirs = await signIn(intruder, null, new Date());
		expect(await signOutDevice(database.db, userId, theirs.id)).toBe(false);
		expect((await validateSessionToken(database.db, theirs.token)).session).not.toBeNull();
		expect(await signOutDevice(database.db, userId, mine.id)).toBe(true);
		expect((await validateSessionToken(database.db, mine.token)).session).toBeNull();
	});

	it('signs out every other device and keeps this one', async () => {
		const { id: userId } = await createUser(database.db);
		const here = await signIn(userId, null, new Date());
		const elsewhere = await signIn(userId, null, new Date());
		await signOutOtherDevices(database.db, userId, here.id);
		expect((await validateSessionToken(database.db, here.token)).session).not.toBeNull();
		expect((await validateSessionToken(database.db, elsewhere.token)).session).toBeNull();
	});
});
