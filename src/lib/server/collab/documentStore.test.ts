import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import {
	appendUpdates,
	compactDocument,
	lastLoggedSeq,
	loadStoredDoc,
	readLog,
	readStoredDocument,
	writeState
} from './documentStore.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database?.close();
});

/** Types `count` characters into a Y.Text, logging one update per keystroke. */
async function typeAndLog(name: string, count: number, doc = new Y.Doc()): Promise<Y.Doc> {
	const updates: Uint8Array[] = [];
	const record = (update: Uint8Array) => updates.push(update);
	doc.on('update', record);
	const text = doc.getText('t');
	for (let i = 0; i < count; i++) text.insert(text.length, String(i % 10));
	doc.off('update', record);
	await appendUpdates(
		database.db,
		updates.map((update) => ({ documentName: name, update, userId: null, receivedAt: new Date() }))
	);
	return doc;
}

describe('document storage', () => {
	it('folds the log into the state and keeps every log row for history', async () => {
		const name = `meeting:${crypto.randomUUID()}`;
		const source = await typeAndLog(name, 300);
		expect(await compactDocument(database.db, name)).toBe(300);

		const stored = await readStoredDocument(database.db, name);
		expect(stored.pending).toEqual([]);
		expect(stored.compactedSeq).toBe(await lastLoggedSeq(database.db, name));
		const state = new Y.Doc();
		if (stored.state) Y.applyUpdate(state, stored.state);
		expect(state.getText('t').toString()).toBe(source.getText('t').toString());
		expect(await readLog(database.db, name)).toHaveLength(300);

		// Later updates sit after the state until the next compaction.
		await typeAndLog(name, 5, source);
		expect((await readStoredDocument(database.db, name)).pending).toHaveLength(5);
		const loaded = await loadStoredDoc(database.db, name);
		expect(loaded.getText('t').toString()).toBe(source.getText('t').toString());
		expect(await compactDocument(database.db, name)).toBe(5);
		expect(await compactDocument(database.db, name)).toBe(0);
	});

	it('never replaces a state with one that covers less of the log', async () => {
		const name = `meeting:${crypto.randomUUID()}`;
		const newer = new Y.Doc();
		newer.getText('t').insert(0, 'newer');
		const older = new Y.Doc();
		older.getText('t').insert(0, 'older');
		await writeState(database.db, name, Y.encodeStateAsUpdate(newer), 10);
		await writeState(database.db, name, Y.encodeStateAsUpdate(older), 9);
		const stored = await readStoredDocument(database.db, name);
		expect(stored.compactedSeq).toBe(10);
		const state = new Y.Doc();
		if (stored.state) Y.applyUpdate(state, stored.state);
		expect(state.getText('t').toString()).toBe('newer');
	});

	it('keeps documents apart', async () => {
		const first = `meeting:${crypto.randomUUID()}`;
		const second = `restricted:${crypto.randomUUID()}`;
		await typeAndLog(first, 3);
		await typeAndLog(second, 4);
		expect(await readLog(database.db, first)).toHaveLength(3);
		expect((await loadStoredDoc(database.db, second)).getText('t').toString()).toBe('0123');
	});
});
