import { Document, type Hocuspocus, type onLoadDocumentPayload } from '@hocuspocus/server';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '../db/client.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { createLogger } from '../logger.ts';
import { appendUpdates, readLog } from './documentStore.ts';
import { SERVER_ORIGIN } from './extensions/MeetingDocumentExtension.ts';
import { PersistenceExtension } from './extensions/PersistenceExtension.ts';
import { LogMerger } from './logMerger.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database.close();
});

const MINUTE_MS = 60_000;

/** A live document logging through the persistence extension, and its merger on a clock. */
async function loggedDocument(db: Database = database.db) {
	const clock = { now: Date.now() };
	const warnings: string[] = [];
	const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
	const merger = new LogMerger(db, logger, { now: () => clock.now, everyMs: 3_600_000 });
	const extension = new PersistenceExtension({ db, logger: createLogger('silent'), merger });
	const name = `meeting:${randomUUID()}`;
	const document = new Document(name);
	await extension.onLoadDocument({
		documentName: name,
		document,
		instance: {} as Hocuspocus
	} as onLoadDocumentPayload);
	const type = async (text: string) => {
		for (const letter of text) {
			document.transact(() => document.getText('notes').insert(0, letter), SERVER_ORIGIN);
		}
		await extension.flush(name);
	};
	/** Rows written straight to the log, as another server (or an old one) wrote them. */
	const logElsewhere = async (at: Date, letters: string) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(document));
		const rows: Parameters<typeof appendUpdates>[1] = [];
		doc.on('update', (update: Uint8Array) =>
			rows.push({ documentName: name, update, userId: null, receivedAt: at })
		);
		for (const letter of letters) doc.getText('notes').insert(0, letter);
		await appendUpdates(database.db, rows);
	};
	const counts = async () => (await readLog(database.db, name)).map((row) => row.updateCount);
	return { clock, warnings, merger, extension, name, type, logElsewhere, counts };
}

describe('merging the logs a server writes', () => {
	it('merges a document logged to once its rows are old enough, then stops visiting it', async () => {
		const { clock, merger, type, logElsewhere, counts } = await loggedDocument();
		try {
			await type('abc');
			await merger.visitAll();
			expect(await counts()).toEqual([1, 1, 1]);

			clock.now += 10 * MINUTE_MS;
			await merger.visitAll();
			// Typed in one go, received within the same minute.
			expect(await counts()).toEqual([3]);

			// Everything it logged is merged: it is not visited again until logged to.
			await logElsewhere(new Date(clock.now - 20 * MINUTE_MS), 'xyz');
			await merger.visitAll();
			expect((await counts()).slice(-3)).toEqual([1, 1, 1]);
			await type('d');
			clock.now += 10 * MINUTE_MS;
			await merger.visitAll();
			expect((await counts()).slice(-2)).toEqual([3, 1]);
		} finally {
			await merger.stop();
		}
	});

	it('merges the old log of a document it loads', async () => {
		const name = `meeting:${randomUUID()}`;
		const doc = new Y.Doc();
		const rows: Parameters<typeof appendUpdates>[1] = [];
		const at = new Date(Date.now() - 30 * MINUTE_MS);
		doc.on('update', (update: Uint8Array) =>
			rows.push({ documentName: name, update, userId: null, receivedAt: at })
		);
		for (const letter of 'old') doc.getText('notes').insert(0, letter);
		await appendUpdates(database.db, rows);
		const merger = new LogMerger(database.db, createLogger('silent'), { everyMs: 3_600_000 });
		const extension = new PersistenceExtension({
			db: database.db,
			logger: createLogger('silent'),
			merger
		});
		try {
			await merger.visitAll();
			expect((await readLog(database.db, name)).map((row) => row.updateCount)).toEqual([1, 1, 1]);
			const document = new Document(name);
			await extension.onLoadDocument({
				documentName: name,
				document,
				instance: {} as Hocuspocus
			} as onLoadDocumentPayload);
			expect(document.getText('notes').toString()).toBe('dlo');
			await merger.visitAll();
			expect((await readLog(database.db, name)).map((row) => row.updateCount)).toEqual([3]);
		} finally {
			await merger.stop();
		}
	});

	it('never visits a document being erased', async () => {
		const { clock, merger, extension, type, counts, name } = await loggedDocument();
		try {
			await type('abc');
			await extension.erase([name]);
			clock.now += 10 * MINUTE_MS;
			await merger.visitAll();
			expect(await counts()).toEqual([1, 1, 1]);
		} finally {
			await merger.stop();
		}
	});

	it('keeps a document whose merge failed for the next visit, and says why', async () => {
		const failing = { on: true };
		const db = new Proxy(database.db, {
			get(target, property, receiver) {
				if (property === 'transaction' && failing.on) {
					return () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
				}
				return Reflect.get(target, property, receiver) as unknown;
			}
		});
		const { clock, warnings, merger, type, counts } = await loggedDocument(db);
		try {
			await type('ab');
			clock.now += 10 * MINUTE_MS;
			await merger.visitAll();
			expect(await counts()).toEqual([1, 1]);
			expect(warnings.join('')).toContain('merging old update-log rows failed');
			failing.on = false;
			await merger.visitAll();
			expect(await counts()).toEqual([2]);
		} finally {
			await merger.stop();
		}
	});
});
