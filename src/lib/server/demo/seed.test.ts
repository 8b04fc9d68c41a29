import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAdvice } from '../services/advice/listAdvice.ts';
import { children } from '../db/schema.ts';
import { seedDemo } from './seed.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';

let database: TestDatabase;
const NOW = new Date('2026-11-23T10:00:00Z');

beforeAll(async () => {
	database = await createTestDatabase();
	await seedDemo(database.db, NOW);
});
afterAll(async () => {
	await database.close();
});

describe('the demo children', () => {
	it('have their areas of need', async () => {
		const rows = await database.db
			.select({ firstName: children.firstName, areasOfNeed: children.areasOfNeed })
			.from(children)
			.orderBy(asc(children.firstName));
		expect(rows).toEqual([
			{ firstName: 'Aaron', areasOfNeed: ['communication_interaction'] },
			{
				firstName: 'Connor',
				areasOfNeed: ['social_emotional_mental_health', 'cognition_learning']
			},
			{ firstName: 'Jordan', areasOfNeed: ['sensory_physical'] },
			{ firstName: 'Maya', areasOfNeed: ['communication_interaction'] }
		]);
	});

	it('each have advice, and the register shows current, stale and review-due items', async () => {
		const rows = await database.db.select({ id: children.id }).from(children);
		const advice = (
			await Promise.all(rows.map((row) => listAdvice(database.db, row.id, NOW)))
		).flat();
		for (const row of rows) {
			expect((await listAdvice(database.db, row.id, NOW)).length).toBeGreaterThanOrEqual(2);
		}
		expect(advice.some((item) => item.stale)).toBe(true);
		expect(advice.some((item) => item.reviewDue)).toBe(true);
		expect(advice.some((item) => !item.stale && !item.reviewDue)).toBe(true);
		expect(advice.find((item) => item.title === 'Physiotherapy programme')).toMatchObject({
			reviewDue: true,
			addedByName: 'Daniel Price'
		});
	});
});
