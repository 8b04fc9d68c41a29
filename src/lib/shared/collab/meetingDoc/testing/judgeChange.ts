import type * as Y from 'yjs';
import { OwnedItems, type Editor } from '../editRules.ts';

/** For tests: the edit rules' verdict on one change, as the collaboration server reaches it. */
export function judgeChange(doc: Y.Doc, editor: Editor, change: () => void): string[] {
	const owned = new OwnedItems(doc);
	let found: string[] = [];
	const listen = (transaction: Y.Transaction) => {
		found = owned.violations(transaction, editor);
		owned.refresh(transaction);
	};
	doc.on('afterTransaction', listen);
	try {
		change();
	} finally {
		doc.off('afterTransaction', listen);
	}
	return found;
}
