/**
 * What a meeting's update log costs in the database against the document it builds:
 * 10,000 keystrokes by three people over an hour, one in five a deletion, each keystroke
 * one logged row (as the live server logs them). The baseline is the document's own state
 * (Y.encodeStateAsUpdate), measured in the same run. Then the live server's merging of old
 * rows (logMerging.ts: one person's consecutive updates within a minute become one row)
 * runs over it, and the log is measured again, and replayed to check it builds the same
 * document. The target: at most 3× the state after merging. On the embedded
 * database, or TEST_DATABASE_URL's PostgreSQL when set.
 *
 *   npm run bench updateLogStorage
 */
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { appendUpdates, readLog, replayLog } from '../../src/lib/server/collab/documentStore.ts';
import { mergeOldLogRows } from '../../src/lib/server/collab/logMerging.ts';
import { createTestDatabase } from '../../src/lib/server/db/testing.ts';
import { createUser } from '../../src/lib/server/testing/factories.ts';
import { typingMeeting } from '../lib/benchMeetingDoc.ts';

const KEYSTROKES = 10_000;
const PEOPLE = 3;
const HOUR_MS = 3600_000;
const START = Date.parse('2026-12-04T09:00:00Z');
const NAME = 'meeting:bench-update-log-storage';

type Row = Parameters<typeof appendUpdates>[1][number];

function typingSession(authors: string[]): { doc: Y.Doc; rows: Row[] } {
	const doc = new Y.Doc();
	const rows: Row[] = [];
	let author: string | null = null;
	let at = START;
	doc.on('update', (update: Uint8Array) =>
		rows.push({ documentName: NAME, update, userId: author, receivedAt: new Date(at) })
	);
	const texts = typingMeeting(doc, 'bench', '2026-12-04T09:00:00Z');
	let seed = 20261204;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	for (let index = 0; index < KEYSTROKES; index += 1) {
		// People take turns in runs, as in a meeting: a minute or two each.
		author = authors[Math.floor(index / 150) % PEOPLE] ?? null;
		at = START + Math.floor((index / KEYSTROKES) * HOUR_MS);
		const text = texts[(Math.floor(index / 150) + Math.floor(index / 600)) % texts.length];
		if (!text) continue;
		if (random() < 0.2 && text.length > 0) text.delete(text.length - 1, 1);
		else text.insert(text.length, random() < 0.15 ? ' ' : 'e');
	}
	return { doc, rows };
}

const database = await createTestDatabase();
try {
	const authors: string[] = [];
	for (let person = 0; person < PEOPLE; person += 1) {
		authors.push((await createUser(database.db, { name: `Typist ${person + 1}` })).id);
	}
	const { doc, rows } = typingSession(authors);
	for (let offset = 0; offset < rows.length; offset += 1000) {
		await appendUpdates(database.db, rows.slice(offset, offset + 1000));
	}
	const state = Y.encodeStateAsUpdate(doc).byteLength;
	const measure = async () => {
		const result = await database.db.execute(sql`
			select count(*)::int as rows, sum(octet_length(update))::int as updates,
			       sum(pg_column_size(document_updates.*))::int as stored
			from document_updates where document_name = ${NAME}`);
		const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
			rows: number;
			updates: number;
			stored: number;
		}[];
		if (!row) throw new Error('no rows measured');
		return row;
	};
	const before = await measure();
	const started = performance.now();
	let afterSeq = 0;
	for (;;) {
		const result = await mergeOldLogRows(database.db, NAME, new Date(START + HOUR_MS + 5 * 60_000), {
			afterSeq
		});
		if (!result.more) break;
		afterSeq = result.lastSeq;
	}
	const mergeMs = performance.now() - started;
	const after = await measure();
	const replayed = replayLog(await readLog(database.db, NAME));
	const same = Buffer.from(Y.encodeStateAsUpdate(replayed)).equals(
		Buffer.from(Y.encodeStateAsUpdate(doc))
	);
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	const line = (label: string, measured: { rows: number; updates: number; stored: number }) =>
		console.log(
			`  ${label.padEnd(34)} ${String(measured.rows).padStart(6)} rows, updates ${kb(measured.updates)} ` +
				`(${(measured.updates / state).toFixed(1)}× the state), rows as stored ${kb(measured.stored)} ` +
				`(${(measured.stored / state).toFixed(1)}×)`
		);
	console.log(`update log for ${KEYSTROKES} keystrokes (${PEOPLE} people, 20% deletions, one hour):`);
	console.log(`  document state (baseline):         ${kb(state)}`);
	line('as logged, one row per keystroke:', before);
	line('after merging (per person-minute):', after);
	console.log(
		`  merging took ${mergeMs.toFixed(0)} ms; the merged log ${same ? 'builds the same document' : 'BUILDS A DIFFERENT DOCUMENT'}`
	);
	console.log(
		`  target ≤ 3× the state after merging: ${after.updates <= 3 * state ? 'met' : 'NOT met'}`
	);
	if (!same) process.exitCode = 1;
} finally {
	await database.close();
}
