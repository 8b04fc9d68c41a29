import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../db/client.ts';
import { rateLimitEvents } from '../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { openOtherInstance, testPostgresUrl } from '../testing/instances.ts';
import { consume, consumeAll, type RateLimit } from './rateLimit.ts';

/**
 * Two server instances, each with its own pool of connections to one PostgreSQL database,
 * take attempts on the same key: the limit holds for both together, not for each.
 */

const WINDOW = 15 * 60_000;
const LIMIT = 5;
const ROUNDS = 10;

describe.skipIf(!testPostgresUrl())('rate limits on two instances sharing PostgreSQL', () => {
	let database: TestDatabase;
	let other: DatabaseHandle;
	let instances: Database[];
	let keyCounter = 0;
	let rule: RateLimit;
	const now = new Date('2026-11-02T09:00:00Z');

	/** The instance an attempt reaches: the load balancer takes turns. */
	const instanceFor = (attempt: number): Database => {
		const db = instances[attempt % instances.length];
		if (!db) throw new Error('no instance');
		return db;
	};

	async function eventsOf(key: string): Promise<number> {
		const rows = await database.db
			.select({ id: rateLimitEvents.id })
			.from(rateLimitEvents)
			.where(eq(rateLimitEvents.key, key));
		return rows.length;
	}

	/** Attempts one after another, on alternate instances, until one is refused. */
	async function attemptsUntilRefused(key: RateLimit): Promise<number> {
		for (let allowed = 0; allowed <= 2 * LIMIT; allowed += 1) {
			if (!(await consume(instanceFor(allowed), key, now)).allowed) return allowed;
		}
		throw new Error('the limit never refused');
	}

	beforeAll(async () => {
		database = await createTestDatabase();
		other = await openOtherInstance(database);
		instances = [database.db, other.db];
	});

	afterAll(async () => {
		await other?.close();
		await database?.close();
	});

	beforeEach(() => {
		keyCounter += 1;
		rule = { key: `test:account:${keyCounter}`, limit: LIMIT, windowMs: WINDOW };
	});

	it('counts attempts on either instance against one limit', async () => {
		expect(await attemptsUntilRefused(rule)).toBe(LIMIT);
		// Refused on both, whichever took the last allowed attempt.
		for (const db of instances) expect((await consume(db, rule, now)).allowed).toBe(false);
		expect(await eventsOf(rule.key)).toBe(LIMIT);
	});

	it('allows no more than the limit of a burst spread over both instances', async () => {
		for (let round = 0; round < ROUNDS; round += 1) {
			const key = { ...rule, key: `${rule.key}:${round}` };
			const results = await Promise.all(
				Array.from({ length: 3 * LIMIT }, (_, attempt) => consume(instanceFor(attempt), key, now))
			);
			const allowed = results.filter((result) => result.allowed).length;
			expect(allowed).toBeLessThanOrEqual(LIMIT);
			expect(await eventsOf(key.key)).toBe(allowed);
			// What the burst left of the window, and no more, is still there to use.
			expect(allowed + (await attemptsUntilRefused(key))).toBe(LIMIT);
		}
	});

	it('holds the tightest of several limits when a burst spread over both instances counts against them all', async () => {
		const ip = { key: `${rule.key}:ip`, limit: 3, windowMs: WINDOW };
		const results = await Promise.all(
			Array.from({ length: 4 * LIMIT }, (_, attempt) =>
				consumeAll(instanceFor(attempt), [rule, ip], now)
			)
		);
		const allowed = results.filter((result) => result.allowed).length;
		expect(allowed).toBeLessThanOrEqual(ip.limit);
		// Attempts refused by either limit were taken back from both.
		expect(await eventsOf(rule.key)).toBe(allowed);
		expect(await eventsOf(ip.key)).toBe(allowed);
	});
});
