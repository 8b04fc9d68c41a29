import * as Y from 'yjs';

/**
 * Building blocks shared by the live documents' shapes (meetingDoc.ts, restrictedDoc.ts):
 * rich-text fields as Y.XmlFragments, ordered lists of Y.Maps, and defensive readers.
 * Nothing here knows a key of either document; the shape modules pass their keys in.
 */

/** A new item id: unique across clients without coordination. */
export function newItemId(): string {
	return globalThis.crypto.randomUUID();
}

// ——— Rich-text fields ————————————————————————————————————————————————————————————

/** The block node TipTap 3 / ProseMirror's basic schema uses for a paragraph. */
const PARAGRAPH = 'paragraph';
const HARD_BREAK = 'hardBreak';

function isInline(node: Y.XmlElement | Y.XmlText | Y.XmlHook): boolean {
	return (
		node instanceof Y.XmlText || (node instanceof Y.XmlElement && node.nodeName === HARD_BREAK)
	);
}

function nodeText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
	if (node instanceof Y.XmlText) {
		// toString() would render formatting as tags; the delta holds only the characters.
		return (node.toDelta() as { insert: unknown }[])
			.map((op) => (typeof op.insert === 'string' ? op.insert : ''))
			.join('');
	}
	if (!(node instanceof Y.XmlElement)) return '';
	if (node.nodeName === HARD_BREAK) return '\n';
	const children = node.toArray();
	// A block of inline content (a paragraph, a heading) reads as one line; a block of
	// blocks (a list, a quote) reads as one line per child block.
	return children.every(isInline)
		? children.map(nodeText).join('')
		: children.map(nodeText).join('\n');
}

/** The plain text of a rich-text field: one line per paragraph, formatting dropped. */
export function fragmentText(fragment: Y.XmlFragment): string {
	return fragment.toArray().map(nodeText).join('\n');
}

function paragraphs(text: string): Y.XmlElement[] {
	if (text === '') return [];
	return text.split('\n').map((line) => {
		const paragraph = new Y.XmlElement(PARAGRAPH);
		if (line !== '') paragraph.insert(0, [new Y.XmlText(line)]);
		return paragraph;
	});
}

/** Replaces a field's content with plain text, one paragraph per line. */
export function writeFragmentText(fragment: Y.XmlFragment, text: string): void {
	if (fragment.length > 0) fragment.delete(0, fragment.length);
	const content = paragraphs(text);
	if (content.length > 0) fragment.insert(0, content);
}

/** A new rich-text field holding the given plain text (integrated when it is set). */
export function newFragment(text = ''): Y.XmlFragment {
	const fragment = new Y.XmlFragment();
	// Not yet in a document: insert only (reading its length would warn).
	const content = paragraphs(text);
	if (content.length > 0) fragment.insert(0, content);
	return fragment;
}

// ——— Defensive readers ——————————————————————————————————————————————————————————
// Another client may have written anything: readers never throw on a wrong type.

export function readString(map: Y.Map<unknown>, key: string, fallback = ''): string {
	const value = map.get(key);
	return typeof value === 'string' ? value : fallback;
}

export function readNullableString(map: Y.Map<unknown>, key: string): string | null {
	const value = map.get(key);
	return typeof value === 'string' && value !== '' ? value : null;
}

export function readNumber(map: Y.Map<unknown>, key: string): number | null {
	const value = map.get(key);
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function readBoolean(map: Y.Map<unknown>, key: string): boolean {
	return map.get(key) === true;
}

export function readOneOf<T extends string>(
	map: Y.Map<unknown>,
	key: string,
	allowed: readonly T[]
): T | null {
	const value = map.get(key);
	return typeof value === 'string' && (allowed as readonly string[]).includes(value)
		? (value as T)
		: null;
}

export function readFragment(map: Y.Map<unknown>, key: string): Y.XmlFragment | null {
	const value = map.get(key);
	return value instanceof Y.XmlFragment ? value : null;
}

// ——— Validation for change functions (they refuse bad values: the caller has a bug) ——

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function assertIsoDate(value: string | null, what: string): void {
	if (value === null) return;
	if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
		throw new RangeError(`${what} must be a date written yyyy-mm-dd, not "${value}"`);
	}
	// Date.parse accepts 2026-02-31 (rolls over): compare the round trip.
	if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
		throw new RangeError(`${what} is not a real date: "${value}"`);
	}
}

export function assertScale(value: number | null, what: string, max = 10): void {
	if (value === null) return;
	if (!Number.isInteger(value) || value < 0 || value > max) {
		throw new RangeError(`${what} must be a whole number from 0 to ${max}, not ${value}`);
	}
}

export function assertOneOf<T extends string>(value: T, allowed: readonly T[], what: string): void {
	if (!allowed.includes(value)) throw new RangeError(`${what} cannot be "${value}"`);
}

// ——— Ordered lists ————————————————————————————————————————————————————————————————
// Each item carries a numeric `position`; the list reads sorted by (position, id). Moving
// an item changes only its position, so a move never loses someone's concurrent edit to
// the moved item, and two people adding at once both keep their items.

export const POSITION_KEY = 'position';
export const ID_KEY = 'id';

export type ItemMap = Y.Map<unknown>;

function itemMaps(list: Y.Array<unknown>): ItemMap[] {
	return list.toArray().filter((value): value is ItemMap => value instanceof Y.Map);
}

function positionOf(item: ItemMap, fallback: number): number {
	const value = item.get(POSITION_KEY);
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The list's items in reading order. */
export function orderedItems(list: Y.Array<unknown>): ItemMap[] {
	return itemMaps(list)
		.map((item, index) => ({ item, position: positionOf(item, index + 1) }))
		.sort(
			(a, b) =>
				a.position - b.position ||
				readString(a.item, ID_KEY).localeCompare(readString(b.item, ID_KEY))
		)
		.map(({ item }) => item);
}

export function findItem(list: Y.Array<unknown>, id: string): ItemMap | null {
	return itemMaps(list).find((item) => item.get(ID_KEY) === id) ?? null;
}

export function requireItem(list: Y.Array<unknown>, id: string, what: string): ItemMap {
	const item = findItem(list, id);
	if (!item) throw new RangeError(`${what} ${id} is not in the document`);
	return item;
}

/**
 * Appends an item. `fill` runs once the map is part of the document, so nested types
 * (fragments, arrays) can be set on it directly.
 */
export function appendItem(
	list: Y.Array<unknown>,
	id: string,
	fill: (item: ItemMap) => void
): ItemMap {
	const last = orderedItems(list).at(-1);
	const item = new Y.Map<unknown>();
	list.push([item]);
	item.set(ID_KEY, id);
	item.set(POSITION_KEY, last ? positionOf(last, 0) + 1 : 1);
	fill(item);
	return item;
}

export function removeItem(list: Y.Array<unknown>, id: string): boolean {
	const index = list
		.toArray()
		.findIndex((value) => value instanceof Y.Map && value.get(ID_KEY) === id);
	if (index < 0) return false;
	list.delete(index, 1);
	return true;
}

/** Moves an item so that it reads at `toIndex` (0-based, clamped). */
export function moveItem(list: Y.Array<unknown>, id: string, toIndex: number): void {
	const item = requireItem(list, id, 'Item');
	const others = orderedItems(list).filter((other) => other !== item);
	const index = Math.max(0, Math.min(toIndex, others.length));
	const before = others[index - 1];
	const after = others[index];
	const low = before ? positionOf(before, 0) : null;
	const high = after ? positionOf(after, 0) : null;
	let position: number;
	if (low === null && high === null) position = 1;
	else if (low === null) position = (high as number) - 1;
	else if (high === null) position = low + 1;
	else position = (low + high) / 2;
	item.set(POSITION_KEY, position);
}

/** Gives every item a position from its current order (used by migrations). */
export function assignMissingPositions(list: Y.Array<unknown>): void {
	itemMaps(list).forEach((item, index) => {
		if (typeof item.get(POSITION_KEY) !== 'number') item.set(POSITION_KEY, index + 1);
	});
}
