import * as Y from 'yjs';
import { findItem, fragmentText, readFragment, type ItemMap } from '../docParts.ts';
import {
	DETAIL_SECTIONS,
	DETAILS,
	DISAGREEMENT_VIEWS,
	DOCUMENT_FIELDS,
	documentFragment,
	LIST_KEYS,
	list,
	SECTION_OF_KEY,
	type DocumentField,
	type ListKey,
	type MeetingSection
} from './shape.ts';
import type { TextField } from './types.ts';

/**
 * Field ids name every rich-text field of the meeting, stable for the field's life:
 *   childViews | familyViews | working | notWorking | worries      (document-wide)
 *   <list>:<itemId>:<field>                e.g. actions:7f…:text, outcomes:3a…:steps
 *   disagreements:<itemId>:views:<viewId>:text
 * An editor binds to fieldFragment(doc, fieldId) (TipTap 3 Collaboration's `fragment`).
 */

export function itemFieldId(listKey: ListKey, itemId: string, field: string): string {
	return `${listKey}:${itemId}:${field}`;
}

export function disagreementViewFieldId(disagreementId: string, viewId: string): string {
	return `disagreements:${disagreementId}:${DISAGREEMENT_VIEWS}:${viewId}:text`;
}

function isDocumentField(value: string): value is DocumentField {
	return (DOCUMENT_FIELDS as readonly string[]).includes(value);
}

function isListKey(value: string): value is ListKey {
	return (LIST_KEYS as readonly string[]).includes(value);
}

/** The Y.XmlFragment behind a field id, or null when the item no longer exists. */
export function fieldFragment(doc: Y.Doc, fieldId: string): Y.XmlFragment | null {
	if (isDocumentField(fieldId)) return documentFragment(doc, fieldId);
	const [listKey, itemId, ...rest] = fieldId.split(':');
	if (!listKey || !itemId || !isListKey(listKey)) return null;
	const item = findItem(list(doc, listKey), itemId);
	if (!item) return null;
	if (rest.length === 1 && rest[0]) return readFragment(item, rest[0]);
	if (listKey === 'disagreements' && rest.length === 3 && rest[0] === DISAGREEMENT_VIEWS) {
		const views = item.get(DISAGREEMENT_VIEWS);
		if (!(views instanceof Y.Array) || !rest[1] || !rest[2]) return null;
		const view = findItem(views, rest[1]);
		return view ? readFragment(view, rest[2]) : null;
	}
	return null;
}

/** A field's plain text (paragraphs on separate lines); '' for an unknown field. */
export function fieldText(doc: Y.Doc, fieldId: string): string {
	const fragment = fieldFragment(doc, fieldId);
	return fragment ? fragmentText(fragment) : '';
}

/** Reads an item's text field for a snapshot. */
export function readItemField(item: ItemMap, fieldId: string, field: string): TextField {
	const fragment = readFragment(item, field);
	return { fieldId, text: fragment ? fragmentText(fragment) : '' };
}

export function readDocumentField(doc: Y.Doc, field: DocumentField): TextField {
	return { fieldId: field, text: fragmentText(documentFragment(doc, field)) };
}

/** The section a field belongs to (for "Sam is editing Outcome 2" and for locks). */
export function sectionOfField(fieldId: string): MeetingSection | null {
	const key = isDocumentField(fieldId) ? `field:${fieldId}` : (fieldId.split(':')[0] ?? '');
	return SECTION_OF_KEY[key] ?? null;
}

/** The name under which a top-level type is stored in its document. */
function topLevelName(doc: Y.Doc, type: Y.AbstractType<unknown>): string | null {
	for (const [name, shared] of doc.share) if (shared === type) return name;
	return null;
}

function rootOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> {
	let current = type;
	while (current.parent) current = current.parent as Y.AbstractType<unknown>;
	return current;
}

/**
 * The sections a transaction changed: used by the history to say "changed Actions and
 * Outcomes". Pass the transaction from doc.on('afterTransaction').
 */
export function sectionsTouched(doc: Y.Doc, transaction: Y.Transaction): MeetingSection[] {
	const sections = new Set<MeetingSection>();
	for (const [type, keys] of transaction.changed) {
		const name = topLevelName(doc, rootOf(type as Y.AbstractType<unknown>));
		if (name === null) continue;
		if (name === DETAILS && type.parent === null) {
			for (const key of keys) {
				const section = key === null ? undefined : DETAIL_SECTIONS[key];
				if (section) sections.add(section);
			}
			continue;
		}
		const section = SECTION_OF_KEY[name];
		if (section) sections.add(section);
	}
	return [...sections];
}
