import * as Y from 'yjs';
import { list, type MeetingSection } from './shape.ts';

/**
 * Who may change what in a live meeting, besides the chair's locks. The page offers only
 * what these rules allow, and the collaboration server undoes anything else
 * (src/lib/server/collab/chairControlsGuard.ts), so the rules hold whatever a client sends.
 *
 * - The chair, and whoever organises the child's meetings, shape the agenda.
 * - Each person sets their own attendance; the chair sets anyone's, and adds or removes
 *   people.
 * - Each person adds, edits and removes their own written contributions; the chair anyone's.
 * - What a child sent through their own link (childVoice.ts) only the server writes;
 *   nobody but the chair may change or remove it, so the child's words stay theirs.
 * - Everything else anyone in the team may change, unless the chair has locked it.
 */

/** Who is making a change: their user id, and whether they chair (or organise) the meeting. */
export interface Editor {
	userId: string | null;
	chair: boolean;
}

/** Sections only the chair may change at all. */
export const CHAIR_SHAPED_SECTIONS: readonly MeetingSection[] = ['agenda'];

export function mayChangeSection(editor: Editor, section: MeetingSection): boolean {
	return editor.chair || !CHAIR_SHAPED_SECTIONS.includes(section);
}

/** Adding someone to the attendance, or taking them off it. */
export function mayChangeAttendanceList(editor: Editor): boolean {
	return editor.chair;
}

export function maySetAttendance(editor: Editor, attendee: { userId: string | null }): boolean {
	return editor.chair || (editor.userId !== null && attendee.userId === editor.userId);
}

/** Adding, editing or removing a written contribution by its author. */
export function mayChangeContribution(
	editor: Editor,
	contribution: { authorUserId: string | null }
): boolean {
	return editor.chair || (editor.userId !== null && contribution.authorUserId === editor.userId);
}

/** The rules in words, for the page. */
export function describeEditRules(editor: Editor): string[] {
	if (editor.chair) {
		return [
			'As the chair you can change everything: the agenda, anyone’s attendance and every written contribution.',
			'You can lock a section so that only you can change it.'
		];
	}
	return [
		'The chair sets the agenda and moves the meeting through it.',
		'You can set your own attendance, and add, change or remove your own written contribution.',
		'Everything else everyone in the team can write in together, unless the chair has locked that section.'
	];
}

type OwnedList = 'attendance' | 'contributions' | 'childVoice';
const OWNED_LISTS: readonly OwnedList[] = ['attendance', 'contributions', 'childVoice'];
/** Who an item belongs to. A child's entry names no user, so it is nobody's to edit. */
const OWNER_KEY: Record<OwnedList, string> = {
	attendance: 'userId',
	contributions: 'authorUserId',
	childVoice: 'ownerUserId'
};
/** What someone who is not the chair may change on their own item's map itself. */
const OWN_ITEM_KEYS: Record<OwnedList, ReadonlySet<string>> = {
	attendance: new Set(['status']),
	// The text lives in a fragment inside the item; its author fields stay as they are.
	contributions: new Set(),
	childVoice: new Set()
};
/** The section a change to each list is reported (and undone) as. */
const SECTION_OF_LIST: Record<OwnedList, MeetingSection> = {
	attendance: 'attendance',
	contributions: 'contributions',
	childVoice: 'childViews'
};

/** Whether someone other than the chair may add or remove an item of the list. */
function mayAddOrRemove(key: OwnedList, editor: Editor, owner: string | null): boolean {
	if (key === 'attendance' || key === 'childVoice') return false;
	return mayChangeContribution(editor, { authorUserId: owner });
}

type ItemMap = Y.Map<unknown>;
type AnyType = Y.AbstractType<unknown>;

/** A transaction's changed types, typed loosely enough to compare with any shared type. */
function changedEntries(transaction: Y.Transaction): [AnyType, Set<string | null>][] {
	return [...transaction.changed] as unknown as [AnyType, Set<string | null>][];
}

function changedTypes(transaction: Y.Transaction): AnyType[] {
	return changedEntries(transaction).map(([type]) => type);
}

function ownerOf(item: ItemMap, key: OwnedList): string | null {
	const owner = item.get(OWNER_KEY[key]);
	return typeof owner === 'string' ? owner : null;
}

/**
 * The attendance and contributions as they were before a transaction (whose item is
 * whose), so that a change can be judged by who owned what it touched, even an item it
 * deleted. Call `refresh` after every transaction, once it has been judged.
 */
export class OwnedItems {
	private readonly doc: Y.Doc;
	private readonly known: Record<OwnedList, Map<ItemMap, string | null>>;

	constructor(doc: Y.Doc) {
		this.doc = doc;
		this.known = {
			attendance: this.read('attendance'),
			contributions: this.read('contributions'),
			childVoice: this.read('childVoice')
		};
	}

	private read(key: OwnedList): Map<ItemMap, string | null> {
		const items = new Map<ItemMap, string | null>();
		for (const item of list(this.doc, key).toArray()) {
			if (item instanceof Y.Map) items.set(item, ownerOf(item, key));
		}
		return items;
	}

	/** The sections in which the transaction changed someone else's item, or the list. */
	violations(transaction: Y.Transaction, editor: Editor): MeetingSection[] {
		if (editor.chair) return [];
		const found = new Set<MeetingSection>();
		for (const key of OWNED_LISTS) {
			if (!changedTypes(transaction).includes(list(this.doc, key) as unknown as AnyType)) continue;
			const before = this.known[key];
			const now = this.read(key);
			const removed = [...before].filter(([item]) => !now.has(item));
			const added = [...now].filter(([item]) => !before.has(item));
			const allowed = [...removed, ...added].every(([, owner]) =>
				mayAddOrRemove(key, editor, owner)
			);
			if (!allowed) found.add(SECTION_OF_LIST[key]);
		}
		for (const [type, keys] of changedEntries(transaction)) {
			const owned = this.itemOf(type);
			// Items added by this same transaction were judged with the list.
			if (!owned || !this.known[owned.key].has(owned.item)) continue;
			const owner = this.known[owned.key].get(owned.item) ?? null;
			const mine = editor.userId !== null && owner === editor.userId;
			const ownKeysOnly =
				type !== owned.item ||
				[...keys].every((changed) => changed !== null && OWN_ITEM_KEYS[owned.key].has(changed));
			if (!mine || !ownKeysOnly) found.add(SECTION_OF_LIST[owned.key]);
		}
		return [...found];
	}

	/** Takes in the lists as they are after a transaction. */
	refresh(transaction: Y.Transaction): void {
		for (const key of OWNED_LISTS) {
			const array = list(this.doc, key) as unknown as AnyType;
			const touched = changedTypes(transaction).some(
				(type) => type === array || this.itemOf(type)?.key === key
			);
			if (touched) this.known[key] = this.read(key);
		}
	}

	/** The attendance or contributions item a type belongs to (the item's map or inside it). */
	private itemOf(type: AnyType): { key: OwnedList; item: ItemMap } | null {
		let current: AnyType = type;
		for (;;) {
			const parent = current.parent as AnyType | null;
			if (!parent) return null;
			for (const key of OWNED_LISTS) {
				const owning = list(this.doc, key) as unknown as AnyType;
				if (parent === owning && current instanceof Y.Map) return { key, item: current };
			}
			current = parent;
		}
	}
}
