import * as Y from 'yjs';
import {
	appendItem,
	assertOneOf,
	findItem,
	newFragment,
	newItemId,
	orderedItems,
	readFragment,
	readNullableString,
	readNumber,
	readOneOf,
	readString,
	removeItem,
	fragmentText
} from './docParts.ts';

/**
 * The restricted companion of a meeting, document 'restricted:<meetingId>': social care,
 * safeguarding and medical detail that only named professionals may read. It is a
 * separate Y.Doc so the server can refuse it whole to anyone else — a parent's browser
 * never receives a byte of it. The ONLY code that knows its shape.
 *
 *   meta   Y.Map    schemaVersion, meetingId
 *   notes  Y.Array  Y.Map { id, position, category, text (Y.XmlFragment), authorUserId,
 *                   authorName, createdAt }
 * A note's field id is `notes:<noteId>:text`.
 */
export const RESTRICTED_DOC_SCHEMA_VERSION = 1;

export const RESTRICTED_CATEGORIES = ['social_care', 'safeguarding', 'medical'] as const;
export type RestrictedCategory = (typeof RESTRICTED_CATEGORIES)[number];

export const RESTRICTED_CATEGORY_LABELS: Record<RestrictedCategory, string> = {
	social_care: 'Social care',
	safeguarding: 'Safeguarding',
	medical: 'Medical detail'
};

export interface RestrictedNote {
	id: string;
	category: RestrictedCategory | null;
	fieldId: string;
	text: string;
	authorUserId: string | null;
	authorName: string;
	createdAt: string | null;
}

export interface RestrictedDocSnapshot {
	schemaVersion: number | null;
	meetingId: string | null;
	notes: RestrictedNote[];
}

const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta');
const notes = (doc: Y.Doc) => doc.getArray<unknown>('notes');
const noteFieldId = (id: string) => `notes:${id}:text`;

export function initRestrictedDoc(doc: Y.Doc, meetingId: string): boolean {
	if (readNumber(meta(doc), 'schemaVersion') !== null) return false;
	doc.transact(() => {
		meta(doc).set('schemaVersion', RESTRICTED_DOC_SCHEMA_VERSION);
		meta(doc).set('meetingId', meetingId);
	});
	return true;
}

export interface RestrictedNoteInput {
	category: RestrictedCategory;
	text: string;
	authorUserId: string | null;
	authorName: string;
	createdAt?: string;
}

export function addRestrictedNote(
	doc: Y.Doc,
	input: RestrictedNoteInput,
	id = newItemId()
): string {
	assertOneOf(input.category, RESTRICTED_CATEGORIES, 'Restricted category');
	doc.transact(() =>
		appendItem(notes(doc), id, (item) => {
			item.set('category', input.category);
			item.set('text', newFragment(input.text));
			if (input.authorUserId) item.set('authorUserId', input.authorUserId);
			item.set('authorName', input.authorName);
			item.set('createdAt', input.createdAt ?? new Date().toISOString());
		})
	);
	return id;
}

export function removeRestrictedNote(doc: Y.Doc, id: string): boolean {
	let removed = false;
	doc.transact(() => (removed = removeItem(notes(doc), id)));
	return removed;
}

/** The fragment to bind an editor to, or null if the note is gone. */
export function restrictedFieldFragment(doc: Y.Doc, fieldId: string): Y.XmlFragment | null {
	const [key, id, field] = fieldId.split(':');
	if (key !== 'notes' || !id || field !== 'text') return null;
	const item = findItem(notes(doc), id);
	return item ? readFragment(item, 'text') : null;
}

export function restrictedFieldText(doc: Y.Doc, fieldId: string): string {
	const fragment = restrictedFieldFragment(doc, fieldId);
	return fragment ? fragmentText(fragment) : '';
}

export function readRestrictedDoc(doc: Y.Doc): RestrictedDocSnapshot {
	return {
		schemaVersion: readNumber(meta(doc), 'schemaVersion'),
		meetingId: readNullableString(meta(doc), 'meetingId'),
		notes: orderedItems(notes(doc)).map((item) => {
			const id = readString(item, 'id');
			const fragment = readFragment(item, 'text');
			return {
				id,
				category: readOneOf(item, 'category', RESTRICTED_CATEGORIES),
				fieldId: noteFieldId(id),
				text: fragment ? fragmentText(fragment) : '',
				authorUserId: readNullableString(item, 'authorUserId'),
				authorName: readString(item, 'authorName'),
				createdAt: readNullableString(item, 'createdAt')
			};
		})
	};
}
