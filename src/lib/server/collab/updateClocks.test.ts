import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { advanceContiguous } from './updateClocks.ts';

function typing(doc: Y.Doc, text: string): Uint8Array {
	const before = Y.encodeStateVector(doc);
	doc.getText('t').insert(doc.getText('t').length, text);
	return Y.encodeStateAsUpdate(doc, before);
}

describe('advanceContiguous', () => {
	it('moves a client on by each update that follows what is held', () => {
		const doc = new Y.Doc();
		const clocks = new Map<number, number>();
		advanceContiguous(clocks, typing(doc, 'abc'));
		advanceContiguous(clocks, typing(doc, 'de'));
		expect(clocks.get(doc.clientID)).toBe(5);
	});

	it('does not jump a gap: a later update alone claims nothing', () => {
		const doc = new Y.Doc();
		const clocks = new Map<number, number>();
		advanceContiguous(clocks, typing(doc, 'abc'));
		typing(doc, 'missing');
		advanceContiguous(clocks, typing(doc, 'later'));
		expect(clocks.get(doc.clientID)).toBe(3);
	});

	it('never moves a clock back, and deletions alone move nothing', () => {
		const doc = new Y.Doc();
		const clocks = new Map<number, number>();
		const first = typing(doc, 'abc');
		advanceContiguous(clocks, typing(doc, 'abcdef'));
		expect(clocks.size).toBe(0);
		advanceContiguous(clocks, first);
		const before = Y.encodeStateVector(doc);
		doc.getText('t').delete(0, 2);
		advanceContiguous(clocks, Y.encodeStateAsUpdate(doc, before));
		expect(clocks.get(doc.clientID)).toBe(3);
	});
});
