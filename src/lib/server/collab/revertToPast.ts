import * as Y from 'yjs';

/** Marks the replayed changes, so that the undo manager takes exactly those back. */
const REPLAYED = Symbol('changes since the past state');

/**
 * Brings `doc` back to the content of `past`, an earlier state of the same document (its
 * update log replayed up to a moment), as new changes on top of the present: every client
 * receives them like any other edit, and nothing is lost from the history, so restoring
 * can itself be undone by restoring again.
 *
 * How: the changes made since `past` are replayed onto a copy of it under an undo
 * manager, undone there, and what the undo did is applied to `doc`. This is the usual
 * Yjs recipe for reverting to a snapshot; it works for any shape of document.
 */
export function revertToPast(doc: Y.Doc, past: Y.Doc): void {
	const scratch = new Y.Doc({ gc: false });
	try {
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(past));
		const presentVector = Y.encodeStateVector(doc);
		const sincePast = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(scratch));
		const undo = new Y.UndoManager(scratch, { trackedOrigins: new Set([REPLAYED]) });
		Y.applyUpdate(scratch, sincePast, REPLAYED);
		undo.undo();
		undo.destroy();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch, presentVector));
	} finally {
		scratch.destroy();
	}
}
