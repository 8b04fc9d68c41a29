import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { appendUpdates, loadStoredDoc, readLog, readStoredDocument } from './documentStore.ts';
import { settleSharedDocument } from './sharedDocumentStore.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database?.close();
});

/** What `change` does to `doc`, as one update. */
function changeOf(doc: Y.Doc, change: (text: Y.Text) => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	change(doc.getText('t'));
	return Y.encodeStateAsUpdate(doc, before);
}

async function log(name: string, update: Uint8Array): Promise<void> {
	await appendUpdates(database.db, [
		{ documentName: name, update, userId: null, receivedAt: new Date() }
	]);
}

describe('settling a document several servers hold', () => {
	it('logs nothing when the database already holds the relayed edits, deletions included', async () => {
		const doc = new Y.Doc();
		await log(
			'held',
			changeOf(doc, (text) => text.insert(0, 'hello world'))
		);
		const deletion = changeOf(doc, (text) => text.delete(0, 6));
		await log('held', deletion);
		const result = await settleSharedDocument(database.db, 'held', {
			relayed: Y.mergeUpdates([Y.encodeStateAsUpdate(doc), deletion]),
			compact: false
		});
		expect(result.loggedSeq).toBeNull();
		expect(await readLog(database.db, 'held')).toHaveLength(2);
		expect(result.stored.get(doc.clientID)).toBe(11);
	});

	it('logs, unattributed, only what the database lacks: new text and a deletion', async () => {
		const doc = new Y.Doc();
		await log(
			'lacking',
			changeOf(doc, (text) => text.insert(0, 'stored'))
		);
		const typed = changeOf(doc, (text) => text.insert(6, ' and relayed'));
		const deleted = changeOf(doc, (text) => text.delete(0, 3));
		const result = await settleSharedDocument(database.db, 'lacking', {
			relayed: Y.mergeUpdates([typed, deleted]),
			compact: false
		});
		expect(result.loggedSeq).not.toBeNull();
		const rows = await readLog(database.db, 'lacking');
		expect(rows).toHaveLength(2);
		expect((await loadStoredDoc(database.db, 'lacking')).getText('t').toString()).toBe(
			'red and relayed'
		);
		// Settled again, nothing more is logged.
		await settleSharedDocument(database.db, 'lacking', { relayed: typed, compact: false });
		expect(await readLog(database.db, 'lacking')).toHaveLength(2);
	});

	it('logs the whole relayed update when part of it depends on something missing', async () => {
		const doc = new Y.Doc();
		const first = changeOf(doc, (text) => text.insert(0, 'first'));
		const second = changeOf(doc, (text) => text.insert(5, ' second'));
		// The database has neither; only the second was relayed (the first went elsewhere).
		await settleSharedDocument(database.db, 'gap', { relayed: second, compact: false });
		await log('gap', first);
		expect((await loadStoredDoc(database.db, 'gap')).getText('t').toString()).toBe('first second');
	});

	it('writes the state from the database’s own rows, claiming the last of them', async () => {
		const doc = new Y.Doc();
		await log(
			'compacted',
			changeOf(doc, (text) => text.insert(0, 'one'))
		);
		await log(
			'compacted',
			changeOf(doc, (text) => text.insert(3, ' two'))
		);
		// This server's copy lacks the second row: the state must hold it all the same.
		await settleSharedDocument(database.db, 'compacted', { relayed: null, compact: true });
		const stored = await readStoredDocument(database.db, 'compacted');
		expect(stored.pending).toHaveLength(0);
		const state = new Y.Doc();
		if (stored.state) Y.applyUpdate(state, stored.state);
		expect(state.getText('t').toString()).toBe('one two');
	});
});
