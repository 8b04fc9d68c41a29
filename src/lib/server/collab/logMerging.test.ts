import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { meetingDocumentName } from '../../shared/collab/documentName.ts';
import {
	addAction,
	initMeetingDoc,
	readMeetingDoc,
	setFieldText
} from '../../shared/collab/meetingDoc.ts';
import { documentUpdates } from '../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { meetingAsOf, meetingTimeline } from '../services/meetings/meetingHistory.ts';
import { createUser } from '../testing/factories.ts';
import { appendUpdates, readLog, replayLog, type LoggedUpdate } from './documentStore.ts';
import { storedDocuments } from './liveDocuments.ts';
import { mergeableRuns, mergeOldLogRows, type LogRowSummary } from './logMerging.ts';

let database: TestDatabase;
let priya: string;
let sam: string;

beforeAll(async () => {
	database = await createTestDatabase();
	priya = (await createUser(database.db, { name: 'Priya Shah' })).id;
	sam = (await createUser(database.db, { name: 'Sam Okafor' })).id;
});
afterAll(() => database.close());

type Step = [author: string | null, at: string, change: (doc: Y.Doc) => void];

/** Logs each change as the live server would: one row per update, author and arrival. */
function typedLog(meetingId: string, steps: Step[]): { doc: Y.Doc; rows: LoggedUpdate[] } {
	const doc = new Y.Doc();
	const rows: LoggedUpdate[] = [];
	doc.on('update', (update: Uint8Array, origin: { userId: string | null; at: string }) =>
		rows.push({
			documentName: meetingDocumentName(meetingId),
			update,
			userId: origin.userId,
			receivedAt: new Date(origin.at)
		})
	);
	for (const [userId, at, change] of steps) doc.transact(() => change(doc), { userId, at });
	return { doc, rows };
}

/** Someone typing `text` into a field, a keystroke a second from `start`. */
function typing(author: string, start: string, field: 'familyViews' | 'worries', text: string) {
	return [...text].map((_, index): Step => [
		author,
		new Date(Date.parse(start) + index * 1000).toISOString(),
		(doc) => setFieldText(doc, field, text.slice(0, index + 1))
	]);
}

function opening(meetingId: string): Step {
	return [
		null,
		'2026-11-24T10:00:00Z',
		(doc) =>
			initMeetingDoc(doc, {
				meetingId,
				childId: 'c',
				meetingType: 'ehcp_annual_review',
				agenda: [{ title: 'Welcome' }],
				attendees: [],
				contributions: [],
				carriedActions: []
			})
	];
}

const minuteEnds = (from: string, minutes: number) =>
	Array.from(
		{ length: minutes },
		(_, index) => new Date(Date.parse(from) + (index + 1) * 60_000 - 1)
	);

/** Everything history shows of a meeting: its timeline and its state at each minute's end. */
async function whatHistoryShows(meetingId: string) {
	const live = storedDocuments(database.db);
	const timeline = await meetingTimeline(database.db, live, meetingId);
	const snapshots = await Promise.all(
		minuteEnds('2026-11-24T10:00:00Z', 10).map((at) =>
			meetingAsOf(database.db, live, meetingId, at)
		)
	);
	return { timeline, snapshots };
}

/** What a replica holds: its meeting, and every client's clock (nothing missing or extra). */
const contentOf = (doc: Y.Doc) => ({
	meeting: readMeetingDoc(doc),
	stateVector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort()
});

describe('which log rows may be merged', () => {
	const row = (seq: number, userId: string | null, at: string): LogRowSummary => ({
		seq,
		userId,
		receivedAt: new Date(at),
		firstReceivedAt: null,
		updateCount: 1
	});

	test('consecutive rows of one person within one calendar minute, two or more', () => {
		const runs = mergeableRuns([
			row(1, 'a', '2026-11-24T10:00:01Z'),
			row(2, 'a', '2026-11-24T10:00:59Z'),
			row(3, 'a', '2026-11-24T10:01:00Z'),
			row(4, 'b', '2026-11-24T10:01:01Z'),
			row(5, 'a', '2026-11-24T10:01:02Z'),
			row(6, 'a', '2026-11-24T10:01:03Z'),
			row(7, null, '2026-11-24T10:01:04Z'),
			row(8, null, '2026-11-24T10:01:05Z')
		]);
		expect(runs.map((run) => run.map((entry) => entry.seq))).toEqual([
			[1, 2],
			[5, 6],
			[7, 8]
		]);
	});
});

describe('merging old update-log rows', () => {
	test('leaves the document, the timeline and each minute as it was, in fewer bytes', async () => {
		const meetingId = crypto.randomUUID();
		const { doc, rows } = typedLog(meetingId, [
			opening(meetingId),
			...typing(priya, '2026-11-24T10:00:10Z', 'familyViews', 'Loves the trampoline'),
			...typing(sam, '2026-11-24T10:00:40Z', 'worries', 'Lunch hall'),
			...typing(priya, '2026-11-24T10:01:20Z', 'familyViews', 'Loves the trampoline at home'),
			[
				sam,
				'2026-11-24T10:02:05Z',
				(change) => addAction(change, { text: 'Visit' }, { userId: sam })
			],
			// Newer than the merge's cut-off, five minutes later: untouched.
			...typing(priya, '2026-11-24T10:07:00Z', 'worries', 'Lunch hall noise')
		]);
		await appendUpdates(database.db, rows);
		const name = meetingDocumentName(meetingId);
		const before = await whatHistoryShows(meetingId);
		const logBefore = await readLog(database.db, name);

		const result = await mergeOldLogRows(database.db, name, new Date('2026-11-24T10:05:00Z'));

		const logAfter = await readLog(database.db, name);
		expect(result.removed).toBe(logBefore.length - logAfter.length);
		// The opening; Priya's then Sam's typing in 10:00; Priya's in 10:01; Sam's action.
		const newRows = logBefore.filter(
			(entry) => entry.receivedAt >= new Date('2026-11-24T10:05:00Z')
		);
		expect(
			logAfter.filter((entry) => entry.receivedAt < new Date('2026-11-24T10:05:00Z'))
		).toHaveLength(5);
		expect(logAfter.slice(-newRows.length)).toEqual(newRows);
		expect(logAfter.reduce((sum, entry) => sum + entry.updateCount, 0)).toBe(logBefore.length);
		const merged = logAfter.find((entry) => entry.updateCount > 1 && entry.userId === sam);
		expect(merged?.firstReceivedAt?.toISOString()).toBe('2026-11-24T10:00:40.000Z');
		expect(merged?.receivedAt.toISOString()).toBe('2026-11-24T10:00:49.000Z');

		expect(await whatHistoryShows(meetingId)).toEqual(before);
		expect(contentOf(replayLog(logAfter))).toEqual(contentOf(doc));
		const bytes = (log: { update: Uint8Array }[]) =>
			log.reduce((sum, entry) => sum + entry.update.byteLength, 0);
		expect(bytes(logAfter)).toBeLessThan(bytes(logBefore));

		// Merged rows merge no further, and merging again changes nothing.
		expect(
			(await mergeOldLogRows(database.db, name, new Date('2026-11-24T10:05:00Z'))).removed
		).toBe(0);
		expect(await readLog(database.db, name)).toEqual(logAfter);
	});

	test('stops at the first row too new to merge, even if older rows follow it', async () => {
		const meetingId = crypto.randomUUID();
		const name = meetingDocumentName(meetingId);
		// A write delayed by a failing database lands after a newer one.
		const { rows } = typedLog(meetingId, [
			...typing(priya, '2026-11-24T10:00:01Z', 'familyViews', 'abc'),
			[sam, '2026-11-24T10:09:00Z', (doc) => setFieldText(doc, 'worries', 'x')],
			...typing(priya, '2026-11-24T10:00:05Z', 'familyViews', 'abcdef').slice(3)
		]);
		await appendUpdates(database.db, rows);
		await mergeOldLogRows(database.db, name, new Date('2026-11-24T10:05:00Z'));
		expect((await readLog(database.db, name)).map((entry) => entry.updateCount)).toEqual([
			3, 1, 1, 1, 1
		]);
	});

	test('taken in slices, and by two merges at once, the log still builds the same document', async () => {
		const meetingId = crypto.randomUUID();
		const name = meetingDocumentName(meetingId);
		const { doc, rows } = typedLog(meetingId, [
			opening(meetingId),
			...typing(priya, '2026-11-24T10:00:10Z', 'familyViews', 'Settles well after breakfast club'),
			...typing(sam, '2026-11-24T10:01:10Z', 'worries', 'Transitions between lessons')
		]);
		await appendUpdates(database.db, rows);
		const cutOff = new Date('2026-11-24T10:05:00Z');
		let afterSeq = 0;
		let calls = 0;
		for (;;) {
			const result = await mergeOldLogRows(database.db, name, cutOff, { afterSeq, maxRows: 7 });
			calls += 1;
			if (!result.more) break;
			afterSeq = result.lastSeq;
		}
		expect(calls).toBeGreaterThan(5);
		await Promise.all([
			mergeOldLogRows(database.db, name, cutOff),
			mergeOldLogRows(database.db, name, cutOff)
		]);
		const log = await readLog(database.db, name);
		expect(log.map((entry) => entry.updateCount).reduce((sum, count) => sum + count, 0)).toBe(
			rows.length
		);
		// The opening, Priya's typing in 10:00, Sam's in 10:01.
		expect(log.length).toBe(3);
		expect(contentOf(replayLog(log))).toEqual(contentOf(doc));
	});

	test('a document erased meanwhile stays erased', async () => {
		const meetingId = crypto.randomUUID();
		const name = meetingDocumentName(meetingId);
		const { rows } = typedLog(
			meetingId,
			typing(priya, '2026-11-24T10:00:01Z', 'familyViews', 'abc')
		);
		await appendUpdates(database.db, rows);
		await database.db.delete(documentUpdates).where(eq(documentUpdates.documentName, name));
		await mergeOldLogRows(database.db, name, new Date('2026-11-24T10:05:00Z'));
		expect(await readLog(database.db, name)).toEqual([]);
	});
});
