import * as Y from 'yjs';
import { LIST_KEYS } from './meetingDoc/shape.ts';

/** The top-level lists whose items may name a person: the meeting's, and restricted notes. */
const PERSON_LISTS: readonly string[] = [...LIST_KEYS, 'notes'];

/** How an erased person is named wherever a document names them. */
export const FORMER_MEMBER_NAME = 'Former team member';

/** The name key paired with a user-id key: userId → name, authorUserId → authorName. */
function nameKeyFor(idKey: string): string | null {
	if (idKey === 'userId') return 'name';
	if (idKey.endsWith('UserId')) return `${idKey.slice(0, -'UserId'.length)}Name`;
	return null;
}

function anonymiseMap(map: Y.Map<unknown>, userId: string): number {
	let changed = 0;
	for (const [key, value] of map.entries()) {
		if (value === userId) {
			const nameKey = nameKeyFor(key);
			if (nameKey && map.has(nameKey)) {
				map.set(nameKey, FORMER_MEMBER_NAME);
				map.delete(key);
				changed += 1;
			}
		} else if (value instanceof Y.Map || value instanceof Y.Array) {
			changed += anonymiseType(value, userId);
		}
	}
	return changed;
}

function anonymiseType(type: Y.Map<unknown> | Y.Array<unknown>, userId: string): number {
	if (type instanceof Y.Map) return anonymiseMap(type, userId);
	let changed = 0;
	for (const item of type.toArray()) {
		if (item instanceof Y.Map || item instanceof Y.Array) changed += anonymiseType(item, userId);
	}
	return changed;
}

/**
 * Replaces a person's name wherever a meeting or restricted-notes document records it
 * beside their user id
 * (attendance, contributions, provision, views in disagreements, restricted notes) with
 * FORMER_MEMBER_NAME, and drops the id. Returns how many places changed. Text they
 * typed into shared fields stays: it is the meeting's content, no longer attributed.
 */
export function anonymisePerson(doc: Y.Doc, userId: string): number {
	let changed = 0;
	doc.transact(() => {
		for (const key of PERSON_LISTS) {
			// Only lists the document has: asking for another would add it.
			if (doc.share.has(key)) changed += anonymiseType(doc.getArray(key), userId);
		}
	});
	return changed;
}
