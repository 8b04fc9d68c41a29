import { describe, expect, it } from 'vitest';
import { COLLAB_DENIAL, type CollabDenial } from '../shared/collab/closeCodes.ts';
import { refusalDiscardsCopy, unsentMarker } from './offlineCopies.ts';

describe('unsentMarker', () => {
	it('marks the meeting as soon as a change is unconfirmed, loaded or not', () => {
		expect(unsentMarker({ unsyncedChanges: 1, everSynced: false }, false)).toBe('unsent');
		expect(unsentMarker({ unsyncedChanges: 2, everSynced: true }, true)).toBe('unsent');
	});

	it('clears the mark once the copy is loaded and the server has confirmed everything', () => {
		expect(unsentMarker({ unsyncedChanges: 0, everSynced: true }, true)).toBe('sent');
	});

	it('leaves the mark alone before the first sync or before the copy has loaded', () => {
		// The copy may still hold edits from an earlier visit that have not been sent.
		expect(unsentMarker({ unsyncedChanges: 0, everSynced: false }, true)).toBeNull();
		expect(unsentMarker({ unsyncedChanges: 0, everSynced: true }, false)).toBeNull();
	});
});

describe('refusalDiscardsCopy', () => {
	it.each<[CollabDenial, boolean]>([
		[COLLAB_DENIAL.forbidden, true],
		[COLLAB_DENIAL.restrictedForbidden, true],
		[COLLAB_DENIAL.unknownDocument, true],
		// Signing in again or reloading sends the edits kept on this device.
		[COLLAB_DENIAL.unauthenticated, false],
		[COLLAB_DENIAL.schemaMismatch, false],
		[COLLAB_DENIAL.documentTooLarge, false]
	])('%s → %s', (denial, discards) => {
		expect(refusalDiscardsCopy(denial)).toBe(discards);
	});
});
