import { describe, expect, it } from 'vitest';
import { StoredEdits } from './storedEdits.ts';

const ME = 101;
const OTHER = 202;

describe('which of this device’s edits are stored', () => {
	it('counts typing as unsaved until the stored clock reaches it', () => {
		const edits = new StoredEdits();
		edits.stored([[OTHER, 40]], true, null);
		edits.local(ME, 0, 5);
		edits.local(ME, 5, 9);
		expect(edits.unsaved([[ME, 9]])).toBe(2);
		edits.stored([[ME, 5]], false, null);
		expect(edits.unsaved([[ME, 9]])).toBe(1);
		edits.stored([[ME, 9]], false, null);
		expect(edits.unsaved([[ME, 9]])).toBe(0);
	});

	it('keeps the highest clock when notices arrive out of order', () => {
		const edits = new StoredEdits();
		edits.local(ME, 0, 9);
		edits.stored([[ME, 9]], false, null);
		edits.stored([[ME, 3]], true, null);
		expect(edits.unsaved([[ME, 9]])).toBe(0);
		expect(edits.storedClocks.get(ME)).toBe(9);
	});

	it('counts a deletion as unsaved until a store request sent after it is answered', () => {
		const edits = new StoredEdits();
		edits.stored([[ME, 9]], true, null);
		edits.local(ME, 9, 9);
		expect(edits.unsaved([[ME, 9]])).toBe(1);
		const first = edits.requestFor();
		expect(first).not.toBeNull();
		// An answer to an earlier request does not cover it.
		edits.stored([], false, (first ?? 0) - 1);
		expect(edits.unsaved([[ME, 9]])).toBe(1);
		// Reconnected before the answer: asked again, and that answer covers it.
		const second = edits.requestFor();
		edits.stored([], false, second);
		expect(edits.unsaved([[ME, 9]])).toBe(0);
		expect(edits.requestFor()).toBeNull();
	});

	it('counts content from an earlier visit that the server has neither stored nor sent', () => {
		const edits = new StoredEdits();
		const earlierMe = 303;
		const device = [
			[OTHER, 40],
			[earlierMe, 12]
		] as [number, number][];
		// Nothing known yet: earlier content cannot be judged.
		expect(edits.unsaved(device)).toBe(0);
		edits.received([[OTHER, 40]]);
		edits.stored([[earlierMe, 7]], true, null);
		expect(edits.unsaved(device)).toBe(1);
		expect(edits.isUnsaved({ client: earlierMe, clock: 8 })).toBe(true);
		expect(edits.isUnsaved({ client: earlierMe, clock: 6 })).toBe(false);
		expect(edits.isUnsaved({ client: OTHER, clock: 39 })).toBe(false);
		edits.stored([[earlierMe, 12]], false, null);
		expect(edits.unsaved(device)).toBe(0);
	});

	it('uses clocks remembered with the device’s copy while offline', () => {
		const edits = new StoredEdits();
		edits.restore([[ME, 4]]);
		expect(edits.unsaved([[ME, 9]])).toBe(1);
		expect(edits.unsaved([[ME, 4]])).toBe(0);
	});
});
