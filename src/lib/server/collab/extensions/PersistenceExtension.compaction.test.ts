import {
	Document,
	type Hocuspocus,
	type onLoadDocumentPayload,
	type onStoreDocumentPayload
} from '@hocuspocus/server';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createLogger } from '../../logger.ts';
import { applyStoredDocument, readStoredDocument } from '../documentStore.ts';
import { SERVER_ORIGIN } from './MeetingDocumentExtension.ts';
import { PersistenceExtension } from './PersistenceExtension.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database.close();
});

describe('compacting the update log into a state', () => {
	it('rewrites the state only once enough rows are logged, and on every store when stopping', async () => {
		const extension = new PersistenceExtension({
			db: database.db,
			logger: createLogger('silent'),
			compactEveryRows: 5
		});
		const name = `meeting:${randomUUID()}`;
		const document = new Document(name);
		await extension.onLoadDocument({
			documentName: name,
			document,
			instance: {} as Hocuspocus
		} as onLoadDocumentPayload);
		const type = (text: string) => {
			for (const letter of text) {
				document.transact(() => document.getText('notes').insert(0, letter), SERVER_ORIGIN);
			}
		};
		const store = () =>
			extension.onStoreDocument({ documentName: name, document } as onStoreDocumentPayload);
		const stored = () => readStoredDocument(database.db, name);
		const reloaded = async () => {
			const copy = new Y.Doc();
			applyStoredDocument(copy, await stored());
			return copy.getText('notes').toString();
		};

		try {
			type('abc');
			await store();
			// Three rows: not yet worth a state; the log alone still gives the document.
			expect((await stored()).state).toBeNull();
			expect((await stored()).pending).toHaveLength(3);
			expect(await reloaded()).toBe('cba');

			type('def');
			await store();
			const compacted = await stored();
			expect(compacted.state).not.toBeNull();
			expect(compacted.pending).toEqual([]);

			type('g');
			await store();
			expect((await stored()).compactedSeq).toBe(compacted.compactedSeq);
			expect((await stored()).pending).toHaveLength(1);
			expect(await reloaded()).toBe('gfedcba');

			extension.compactOnEveryStore();
			await store();
			expect((await stored()).pending).toEqual([]);
			expect(await reloaded()).toBe('gfedcba');
		} finally {
			extension.stop();
			document.destroy();
		}
	});
});
