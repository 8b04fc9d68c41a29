import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { unsentMeetings } from '../offlineCopies.ts';
import { OfflineCopy } from './OfflineCopy.svelte.ts';

/**
 * The copy on this device against an in-memory IndexedDB (fake-indexeddb): what it loads,
 * when its writes are on disk, and the unsent-changes marker that sign-out reads.
 */

const meeting = { label: 'EHCP annual review for Aaron', href: '/meetings/m1/live' };
const copies: OfflineCopy[] = [];
let nextStore = 1;

afterEach(() => {
	while (copies.length > 0) copies.pop()?.destroy();
	localStorage.clear();
});

function open(storeName: string | null, doc = new Y.Doc()) {
	const copy = new OfflineCopy({ doc, storeName, unsentMeeting: meeting });
	copies.push(copy);
	return { doc, copy };
}

const freshStoreName = () => `coplan:test-user:meeting:${nextStore++}`;

async function databaseNames(): Promise<string[]> {
	return (await indexedDB.databases()).map((database) => database.name ?? '');
}

describe('OfflineCopy', () => {
	it('keeps nothing without a store name', () => {
		const { doc, copy } = open(null);
		doc.getMap('notes').set('note', 'Typed');
		copy.syncProgressed({ unsyncedChanges: 1, everSynced: false });
		expect([copy.loaded, copy.writesPending]).toEqual([false, 0]);
		expect(unsentMeetings()).toEqual([]);
	});

	it('counts a write until it is on disk, and loads it into the next visit', async () => {
		const storeName = freshStoreName();
		const first = open(storeName);
		await vi.waitFor(() => expect(first.copy.loaded).toBe(true));

		first.doc.getMap('notes').set('note', 'Typed offline');
		expect(first.copy.writesPending).toBe(1);
		await vi.waitFor(() => expect(first.copy.writesPending).toBe(0));
		first.copy.destroy();

		const next = open(storeName);
		await vi.waitFor(() => expect(next.copy.loaded).toBe(true));
		expect(next.doc.getMap('notes').get('note')).toBe('Typed offline');
		expect(next.copy.writesPending).toBe(0);
	});

	it('marks unsent changes at once, and clears the mark only once the copy has loaded', async () => {
		const { copy } = open(freshStoreName());
		copy.syncProgressed({ unsyncedChanges: 1, everSynced: false });
		expect(unsentMeetings()).toEqual([meeting]);

		// Loading is asynchronous: the copy has not been read yet, and may hold older edits.
		expect(copy.loaded).toBe(false);
		copy.syncProgressed({ unsyncedChanges: 0, everSynced: true });
		expect(unsentMeetings()).toEqual([meeting]);
		await vi.waitFor(() => expect(unsentMeetings()).toEqual([]));
		expect(copy.loaded).toBe(true);
	});

	it('deletes the copy when discarded', async () => {
		const storeName = freshStoreName();
		const { doc, copy } = open(storeName);
		await vi.waitFor(() => expect(copy.loaded).toBe(true));
		doc.getMap('notes').set('note', 'Not theirs to keep');
		await vi.waitFor(() => expect(copy.writesPending).toBe(0));
		expect(await databaseNames()).toContain(storeName);

		copy.discard();
		await vi.waitFor(async () => expect(await databaseNames()).not.toContain(storeName));
	});

	it('stops marking once destroyed', () => {
		const { copy } = open(freshStoreName());
		copy.destroy();
		copy.syncProgressed({ unsyncedChanges: 3, everSynced: true });
		expect(unsentMeetings()).toEqual([]);
	});
});
