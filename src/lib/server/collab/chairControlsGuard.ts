import type { Connection } from '@hocuspocus/server';
import { isTransactionOrigin } from '@hocuspocus/server';
import * as Y from 'yjs';
import {
	chairOnlyChange,
	readChairOnlyState,
	restoreChairOnlyMaps,
	sectionTypes,
	type ChairOnlyChange,
	type ChairOnlyState,
	type SectionType
} from '../../shared/collab/meetingDoc/chairOnly.ts';
import { CHAIR_SHAPED_SECTIONS, OwnedItems } from '../../shared/collab/meetingDoc/editRules.ts';
import {
	DOCUMENT_FIELDS,
	documentFragment,
	LIST_KEYS,
	list,
	type MeetingSection
} from '../../shared/collab/meetingDoc/shape.ts';
import type { CollabContext } from './context.ts';
import { SERVER_ORIGIN } from './extensions/MeetingDocumentExtension.ts';

export interface RevertedChange extends ChairOnlyChange {
	connection: Connection<CollabContext>;
}

interface Pending {
	change: ChairOnlyChange;
	before: ChairOnlyState;
	connection: Connection<CollabContext>;
	stackItem: Y.UndoManager['undoStack'][number] | null;
}

function connectionOf(origin: unknown): Connection<CollabContext> | null {
	return isTransactionOrigin(origin) && origin.source === 'connection'
		? (origin.connection as Connection<CollabContext>)
		: null;
}

/**
 * Enforces the chair's controls, the locks and who may change what (editRules.ts) on one
 * meeting document, on the server. A CRDT cannot
 * refuse part of an update without every later edit of that client waiting forever for
 * it, so the update is applied and then the part only the chair may make is undone at
 * once: a Y.UndoManager limited to the locked sections' lists and texts takes it back,
 * and the changed map values (details, chair controls, locks) are put back key by key.
 * Edits to unlocked sections in the same update stay. Everyone, the author included,
 * receives the undo as an ordinary update, so all copies converge.
 */
export function guardChairControls(
	doc: Y.Doc,
	onReverted: (reverted: RevertedChange) => void
): () => void {
	const everySectionType: SectionType[] = [
		...LIST_KEYS.map((key) => list(doc, key)),
		...DOCUMENT_FIELDS.map((field) => documentFragment(doc, field))
	];
	let before: ChairOnlyState = readChairOnlyState(doc);
	const owned = new OwnedItems(doc);
	// Decided once per transaction: the undo manager asks first, then afterTransaction.
	const decisions = new WeakMap<Y.Transaction, Pending | null>();
	const queue: Pending[] = [];

	const decide = (transaction: Y.Transaction): Pending | null => {
		if (decisions.has(transaction)) return decisions.get(transaction) ?? null;
		const connection = connectionOf(transaction.origin);
		const access = connection?.context.access;
		let pending: Pending | null = null;
		if (connection && access?.chair !== true) {
			const editor = { userId: connection.context.user?.id ?? null, chair: false };
			const forbidden = new Set<MeetingSection>([
				...CHAIR_SHAPED_SECTIONS,
				...owned.violations(transaction, editor)
			]);
			const change = chairOnlyChange(doc, transaction, before, forbidden);
			if (change) pending = { change, before, connection, stackItem: null };
		}
		decisions.set(transaction, pending);
		return pending;
	};

	const undoManager = new Y.UndoManager(everySectionType, {
		captureTimeout: 0,
		// Hocuspocus gives each message its own plain-object origin.
		trackedOrigins: new Set([Object]),
		captureTransaction: (transaction) => (decide(transaction)?.change.sections.length ?? 0) > 0
	});
	const revert = (pending: Pending) => {
		const types = sectionTypes(doc, pending.change.sections);
		const stackItem = pending.stackItem;
		doc.transact(() => {
			if (types.length > 0 && stackItem) {
				undoManager.scope = types;
				undoManager.undoStack = [stackItem];
				undoManager.undo();
			}
			restoreChairOnlyMaps(doc, pending.before, pending.change);
		}, SERVER_ORIGIN);
		// Cleared with the whole scope, so that the deleted content it kept may be collected.
		undoManager.scope = everySectionType;
		if (stackItem) undoManager.undoStack = [stackItem];
		undoManager.clear();
		onReverted({ ...pending.change, connection: pending.connection });
	};

	const beforeTransaction = () => {
		before = readChairOnlyState(doc);
	};
	const afterTransaction = (transaction: Y.Transaction) => {
		const pending = decide(transaction);
		owned.refresh(transaction);
		if (!pending) return;
		// The undo manager (listening first) has just captured this transaction, alone.
		if (pending.change.sections.length > 0) pending.stackItem = undoManager.undoStack.pop() ?? null;
		queue.push(pending);
		// Undo once this transaction and its observers are finished.
		queueMicrotask(() => {
			const next = queue.shift();
			if (next) revert(next);
		});
	};
	doc.on('beforeTransaction', beforeTransaction);
	doc.on('afterTransaction', afterTransaction);
	return () => {
		doc.off('beforeTransaction', beforeTransaction);
		doc.off('afterTransaction', afterTransaction);
		undoManager.destroy();
	};
}
