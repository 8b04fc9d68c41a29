import { describe, expect, it } from 'vitest';
import { encodeAccessNotice, encodeRevertNotice } from '../../shared/collab/closeCodes.ts';
import { readServerNotice } from './serverNotice.ts';

describe('readServerNotice', () => {
	it('puts an undone change into words', () => {
		expect(
			readServerNotice(encodeRevertNotice({ sections: ['actions'], rules: [], controls: false }))
		).toEqual({
			type: 'reverted',
			message: 'Your change to Actions was undone: the chair has locked that section.'
		});
	});

	it('reads whether the connection may edit, and why not', () => {
		expect(
			readServerNotice(encodeAccessNotice({ readOnly: true, reason: 'meeting-closed' }))
		).toEqual({ type: 'access', readOnly: true, reason: 'meeting-closed' });
	});

	it('drops the reason once editing is allowed again', () => {
		expect(
			readServerNotice(encodeAccessNotice({ readOnly: false, reason: 'meeting-closed' }))
		).toEqual({ type: 'access', readOnly: false, reason: null });
	});

	it('ignores anything else', () => {
		expect(readServerNotice('{"type":"unknown"}')).toBeNull();
		expect(readServerNotice('not json')).toBeNull();
	});
});
