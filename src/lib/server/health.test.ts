import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/testing.ts';
import { checkReadiness } from './health.ts';

describe('checkReadiness', () => {
	it('is ready while the database answers', async () => {
		const database = await createTestDatabase();
		try {
			expect(await checkReadiness(database)).toEqual({ status: 'ready' });
		} finally {
			await database.close();
		}
	});

	it('is unavailable once the database is closed', async () => {
		const database = await createTestDatabase();
		await database.close();
		const readiness = await checkReadiness(database);
		expect(readiness.status).toBe('unavailable');
	});

	it('is unavailable when the database does not answer in time', async () => {
		const hanging = { ping: () => new Promise<void>(() => {}) };
		expect(await checkReadiness(hanging, undefined, 50)).toEqual({
			status: 'unavailable',
			reason: 'database: no answer within 50 ms'
		});
	});

	it('is unavailable while saving live edits is paused, even with the database answering', async () => {
		const answering = { ping: async () => {} };
		expect(await checkReadiness(answering, { savingPaused: () => true })).toEqual({
			status: 'unavailable',
			reason: 'saving live edits is paused: the database is failing'
		});
		expect(await checkReadiness(answering, { savingPaused: () => false })).toEqual({
			status: 'ready'
		});
	});
});
