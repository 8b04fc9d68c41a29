/**
 * How the history pages scale with a meeting's update log: the timeline ("who changed
 * what") and the document as it was at a moment both replay the whole log, with no
 * snapshots. Measured for an ordinary meeting (500 updates, the baseline) and long ones,
 * on the embedded database (or TEST_DATABASE_URL's PostgreSQL when set).
 *
 *   npm run bench meetingHistory
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { appendUpdates } from '../../src/lib/server/collab/documentStore.ts';
import { storedDocuments } from '../../src/lib/server/collab/liveDocuments.ts';
import { createTestDatabase } from '../../src/lib/server/db/testing.ts';
import {
	meetingAsOf,
	meetingTimeline
} from '../../src/lib/server/services/meetings/meetingHistory.ts';
import { meetingDocumentName } from '../../src/lib/shared/collab/documentName.ts';
import { typingMeeting } from '../lib/benchMeetingDoc.ts';

const SIZES = [500, 5_000, 20_000];
const RUNS = 3;

/** One update per keystroke across the text fields, a second apart, as the log holds them. */
function typingLog(meetingId: string, count: number) {
	const doc = new Y.Doc();
	const rows: Parameters<typeof appendUpdates>[1] = [];
	const start = Date.parse('2026-11-24T10:00:00Z');
	let received = start;
	doc.on('update', (update: Uint8Array) =>
		rows.push({
			documentName: meetingDocumentName(meetingId),
			update,
			userId: null,
			receivedAt: new Date(received)
		})
	);
	const texts = typingMeeting(doc, meetingId, '2026-11-24T09:00:00Z');
	for (let index = rows.length; index < count; index += 1) {
		received += 1000;
		const text = texts[index % texts.length];
		text?.insert(text.length, 'a');
	}
	return rows;
}

const database = await createTestDatabase();
const documents = storedDocuments(database.db);
try {
	const results: { size: number; timeline: number; asOf: number }[] = [];
	for (const size of SIZES) {
		const meetingId = crypto.randomUUID();
		const rows = typingLog(meetingId, size);
		for (let offset = 0; offset < rows.length; offset += 1000) {
			await appendUpdates(database.db, rows.slice(offset, offset + 1000));
		}
		let timeline = Infinity;
		let asOf = Infinity;
		for (let run = 0; run < RUNS; run += 1) {
			let start = performance.now();
			await meetingTimeline(database.db, documents, meetingId);
			timeline = Math.min(timeline, performance.now() - start);
			start = performance.now();
			await meetingAsOf(database.db, documents, meetingId, new Date('2030-01-01T00:00:00Z'));
			asOf = Math.min(asOf, performance.now() - start);
		}
		results.push({ size, timeline, asOf });
	}
	const [baseline] = results;
	console.log(
		`History of a meeting (best of ${RUNS}), ${database.url ? 'PostgreSQL' : 'embedded PGlite'}:`
	);
	for (const { size, timeline, asOf } of results) {
		console.log(
			`  ${String(size).padStart(6)} updates  timeline ${timeline.toFixed(0).padStart(5)} ms (${(timeline / (baseline?.timeline ?? 1)).toFixed(1)}×)  ` +
				`as of a moment ${asOf.toFixed(0).padStart(5)} ms (${(asOf / (baseline?.asOf ?? 1)).toFixed(1)}×)`
		);
	}
} finally {
	await database.close();
}
