import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rateLimitEvents } from '../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import {
	clear,
	consume,
	consumeAll,
	minutesToWait,
	refund,
	retryAfterMs,
	type RateLimit
} from './rateLimit.ts';

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;

/** A clock the test moves by hand. */
function fakeClock(start = Date.parse('2026-11-02T09:00:00Z')) {
	let now = start;
	return {
		now: () => new Date(now),
		advance(ms: number) {
			now += ms;
		}
	};
}

let database: TestDatabase;
let keyCounter = 0;
let rule: RateLimit;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});
beforeEach(() => {
	keyCounter += 1;
	rule = { key: `test:account:${keyCounter}`, limit: 5, windowMs: WINDOW };
});

async function countEvents(key: string): Promise<number> {
	const rows = await database.db
		.select({ id: rateLimitEvents.id })
		.from(rateLimitEvents)
		.where(eq(rateLimitEvents.key, key));
	return rows.length;
}

describe('retryAfterMs and minutesToWait', () => {
	const now = new Date('2026-11-02T09:10:00Z');
	const at = (minute: number) => new Date(Date.parse('2026-11-02T09:00:00Z') + minute * MINUTE);

	it('is zero while the window holds fewer events than the limit', () => {
		expect(retryAfterMs([at(1), at(2)], 5, WINDOW, now)).toBe(0);
	});

	it('counts from the oldest event when the window is exactly full', () => {
		expect(retryAfterMs([at(0), at(1), at(2)], 3, WINDOW, now)).toBe(5 * MINUTE);
	});

	it('waits for enough events to leave when the window is over-full', () => {
		expect(retryAfterMs([at(0), at(1), at(2), at(3)], 3, WINDOW, now)).toBe(6 * MINUTE);
	});

	it('rounds minutes up and never says zero', () => {
		expect(minutesToWait(1)).toBe(1);
		expect(minutesToWait(MINUTE)).toBe(1);
		expect(minutesToWait(MINUTE + 1)).toBe(2);
		expect(minutesToWait(0)).toBe(1);
	});
});

describe('consume', () => {
	it('allows the limit, then refuses with the wait computed from the oldest event', async () => {
		const clock = fakeClock();
		for (let attempt = 1; attempt <= 5; attempt += 1) {
			const result = await consume(database.db, rule, clock.now());
			expect(result).toMatchObject({ allowed: true, remaining: 5 - attempt });
			clock.advance(MINUTE);
		}
		// Five events at 09:00 … 09:04; now 09:05. The 09:00 one leaves at 09:15.
		const refused = await consume(database.db, rule, clock.now());
		expect(refused).toEqual({ allowed: false, retryAfterMs: 10 * MINUTE });
		expect(minutesToWait(refused.retryAfterMs)).toBe(10);
	});

	it('says when the last allowed attempt has used up the window', async () => {
		const clock = fakeClock();
		for (let attempt = 1; attempt < 5; attempt += 1) await consume(database.db, rule, clock.now());
		clock.advance(30_000);
		const last = await consume(database.db, rule, clock.now());
		expect(last).toMatchObject({ allowed: true, remaining: 0, retryAfterMs: WINDOW - 30_000 });
	});

	it('slides: once the oldest event leaves the window, one more attempt is allowed', async () => {
		const clock = fakeClock();
		for (let attempt = 1; attempt <= 5; attempt += 1) {
			await consume(database.db, rule, clock.now());
			clock.advance(MINUTE);
		}
		clock.advance(WINDOW - 5 * MINUTE - 1);
		expect((await consume(database.db, rule, clock.now())).allowed).toBe(false);
		clock.advance(1);
		expect((await consume(database.db, rule, clock.now())).allowed).toBe(true);
		expect((await consume(database.db, rule, clock.now())).allowed).toBe(false);
	});

	it('does not record refused attempts, so hammering does not extend the wait', async () => {
		const clock = fakeClock();
		for (let attempt = 1; attempt <= 5; attempt += 1) await consume(database.db, rule, clock.now());
		for (let attempt = 1; attempt <= 10; attempt += 1) {
			clock.advance(MINUTE);
			await consume(database.db, rule, clock.now());
		}
		expect(await countEvents(rule.key)).toBe(5);
		clock.advance(5 * MINUTE);
		expect((await consume(database.db, rule, clock.now())).allowed).toBe(true);
	});

	it('keeps keys apart', async () => {
		const clock = fakeClock();
		for (let attempt = 1; attempt <= 5; attempt += 1) await consume(database.db, rule, clock.now());
		const other = { ...rule, key: `${rule.key}:other` };
		expect((await consume(database.db, other, clock.now())).allowed).toBe(true);
		expect((await consume(database.db, rule, clock.now())).allowed).toBe(false);
	});

	it('holds parallel attempts to the limit', async () => {
		const clock = fakeClock();
		const results = await Promise.all(
			Array.from({ length: 8 }, () => consume(database.db, rule, clock.now()))
		);
		expect(results.filter((result) => result.allowed).length).toBeLessThanOrEqual(5);
		expect(await countEvents(rule.key)).toBeLessThanOrEqual(5);
	});

	it('deletes events older than a day, whatever their key', async () => {
		const clock = fakeClock();
		await consume(database.db, rule, clock.now());
		clock.advance(25 * 60 * MINUTE);
		await consume(database.db, { ...rule, key: `${rule.key}:later` }, clock.now());
		expect(await countEvents(rule.key)).toBe(0);
	});
});

describe('refund and clear', () => {
	it('refund takes back one attempt', async () => {
		const clock = fakeClock();
		for (let attempt = 1; attempt < 5; attempt += 1) await consume(database.db, rule, clock.now());
		const fifth = await consume(database.db, rule, clock.now());
		if (!fifth.allowed) throw new Error('the fifth attempt should be allowed');
		await refund(database.db, fifth.eventId);
		expect(await countEvents(rule.key)).toBe(4);
		expect((await consume(database.db, rule, clock.now())).allowed).toBe(true);
	});

	it('clear forgets every event of the key only', async () => {
		const clock = fakeClock();
		const other = { ...rule, key: `${rule.key}:other` };
		for (let attempt = 1; attempt <= 5; attempt += 1) {
			await consume(database.db, rule, clock.now());
			await consume(database.db, other, clock.now());
		}
		await clear(database.db, rule.key);
		expect(await countEvents(rule.key)).toBe(0);
		expect(await countEvents(other.key)).toBe(5);
	});
});

describe('consumeAll', () => {
	it('refunds the other limits when one refuses, and reports the longest wait', async () => {
		const clock = fakeClock();
		const ip = { key: `${rule.key}:ip`, limit: 2, windowMs: WINDOW };
		await consumeAll(database.db, [rule, ip], clock.now());
		clock.advance(MINUTE);
		const second = await consumeAll(database.db, [rule, ip], clock.now());
		expect(second).toMatchObject({ allowed: true, exhausted: true, retryAfterMs: 14 * MINUTE });
		clock.advance(MINUTE);
		const third = await consumeAll(database.db, [rule, ip], clock.now());
		expect(third).toEqual({ allowed: false, retryAfterMs: 13 * MINUTE });
		// The account limit was refunded: only the two allowed attempts remain.
		expect(await countEvents(rule.key)).toBe(2);
	});
});
