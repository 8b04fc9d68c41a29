import type * as Y from 'yjs';
import type { ItemMap } from '../docParts.ts';

/** One Yjs transaction around a change function's body (nested calls join the outer one). */
export function change<T>(doc: Y.Doc, body: () => T): T {
	let result: T | undefined;
	doc.transact(() => {
		result = body();
	});
	return result as T;
}

/** Sets an optional value of an item, or removes the key for null. */
export function setOptional(item: ItemMap, key: string, value: string | null): void {
	if (value === null) item.delete(key);
	else item.set(key, value);
}
