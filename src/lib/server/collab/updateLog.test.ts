import { describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { createTestDatabase } from '../db/testing.ts';
import { createLogger } from '../logger.ts';
import { readLog } from './documentStore.ts';
import { DEFAULT_UPDATE_LOG_LIMITS, UpdateLog, type UpdateLogLimits } from './updateLog.ts';
import { switchableDatabase } from './testing/switchableDatabase.ts';

function row(documentName: string, text: string) {
	return {
		documentName,
		update: new TextEncoder().encode(text),
		userId: null,
		receivedAt: new Date()
	};
}

async function withLog(
	limits: Partial<UpdateLogLimits>,
	run: (context: {
		updateLog: UpdateLog;
		db: Database;
		state: { down: boolean; writes: number };
		committed: string[];
		paused: boolean[];
	}) => Promise<void>
) {
	const database = await createTestDatabase();
	const { db, state } = switchableDatabase(database.db);
	const committed: string[] = [];
	const paused: boolean[] = [];
	const updateLog = new UpdateLog(
		db,
		createLogger('silent'),
		{ ...DEFAULT_UPDATE_LOG_LIMITS, ...limits },
		{
			coverage: () => null,
			committed: (name) => void committed.push(name),
			pausedChanged: (value) => void paused.push(value)
		}
	);
	try {
		await run({ updateLog, db: database.db, state, committed, paused });
	} finally {
		updateLog.stop();
		await database.close();
	}
}

const texts = async (db: Database, name: string) =>
	(await readLog(db, name)).map((logged) => new TextDecoder().decode(logged.update));

describe('the update log’s writer', () => {
	it('writes every document’s updates of one tick in one insert, in arrival order', async () => {
		await withLog({}, async ({ updateLog, db, state, committed }) => {
			for (let index = 0; index < 50; index++) {
				updateLog.add(row(`meeting:${index % 10}`, `edit ${index}`));
			}
			await updateLog.flush();
			expect(state.writes).toBe(1);
			expect(new Set(committed).size).toBe(10);
			expect(await texts(db, 'meeting:3')).toEqual([
				'edit 3',
				'edit 13',
				'edit 23',
				'edit 33',
				'edit 43'
			]);
		});
	});

	it('keeps failed rows ahead of newer ones, retries, and tells waiters only once written', async () => {
		await withLog(
			{ retryDelayMs: 10, maxRetryDelayMs: 20, pauseAfterFailingMs: 60_000 },
			async ({ updateLog, db, state }) => {
				state.down = true;
				updateLog.add(row('meeting:a', 'first'));
				await expect(updateLog.flush('meeting:a')).rejects.toThrow('ECONNREFUSED');
				let told = false;
				updateLog.afterCommit('meeting:a', () => (told = true));
				updateLog.add(row('meeting:a', 'second'));
				expect(told).toBe(false);
				expect(updateLog.hasUnwritten('meeting:a')).toBe(true);

				state.down = false;
				await expect.poll(() => told, { timeout: 2000 }).toBe(true);
				expect(await texts(db, 'meeting:a')).toEqual(['first', 'second']);
				expect(updateLog.hasUnwritten()).toBe(false);
			}
		);
	});

	it('pauses after failing for a while and resumes once everything is written', async () => {
		await withLog(
			{ retryDelayMs: 10, maxRetryDelayMs: 20, pauseAfterFailingMs: 50 },
			async ({ updateLog, state, paused }) => {
				state.down = true;
				updateLog.add(row('meeting:a', 'kept'));
				await expect.poll(() => paused, { timeout: 2000 }).toEqual([true]);
				expect(updateLog.paused).toBe(true);
				state.down = false;
				await expect.poll(() => paused, { timeout: 2000 }).toEqual([true, false]);
				expect(updateLog.paused).toBe(false);
			}
		);
	});

	it('pauses when too much waits, however well the database answers, until it is written', async () => {
		await withLog({ maxTotalBytes: 100, flushDelayMs: 200 }, async ({ updateLog, paused }) => {
			updateLog.add(row('meeting:a', 'x'.repeat(60)));
			expect(paused).toEqual([]);
			updateLog.add(row('meeting:b', 'y'.repeat(60)));
			expect(paused).toEqual([true]);
			await updateLog.flush();
			expect(paused).toEqual([true, false]);
		});
	});

	it('answers a waiter at once when nothing of the document is unwritten', async () => {
		await withLog({}, async ({ updateLog }) => {
			let told = false;
			updateLog.afterCommit('meeting:quiet', () => (told = true));
			expect(told).toBe(true);
		});
	});
});
