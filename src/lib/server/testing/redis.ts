import { randomUUID } from 'node:crypto';

let toldWhySkipped = false;

/**
 * The Redis that tests of several servers use (REDIS_URL), or null: those tests are then
 * skipped, and the run says why once per test file.
 */
export function testRedisUrl(): string | null {
	const url = process.env.REDIS_URL ?? null;
	if (!url && !toldWhySkipped) {
		toldWhySkipped = true;
		console.log('Skipped: REDIS_URL is not set, so the tests of several servers cannot run');
	}
	return url;
}

/** Keys and channels of their own for one test's servers: test files run side by side. */
export function testRedisPrefix(): string {
	return `coplan-test-${randomUUID()}`;
}
