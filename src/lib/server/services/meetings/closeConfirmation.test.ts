import { describe, expect, it } from 'vitest';
import { closingRefusal } from './closeConfirmation.ts';

describe('closingRefusal', () => {
	it('lets a meeting close when every action is resolved, confirmed or not', () => {
		expect(closingRefusal(0, false)).toBeNull();
		expect(closingRefusal(0, true)).toBeNull();
	});

	it('lets the chair close with unresolved actions once they confirm', () => {
		expect(closingRefusal(3, true)).toBeNull();
	});

	it('refuses without confirmation, counting the unresolved actions', () => {
		expect(closingRefusal(1, false)).toBe(
			'One action has no owner or no due date. Fix it, or tick the box to close anyway'
		);
		expect(closingRefusal(2, false)).toBe(
			'2 actions have no owner or no due date. Fix them, or tick the box to close anyway'
		);
	});
});
