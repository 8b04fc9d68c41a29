import * as Y from 'yjs';
import { sectionsTouched } from './fields.ts';
import {
	chairMap,
	DETAIL_SECTIONS,
	detailsMap,
	DOCUMENT_FIELDS,
	documentFragment,
	LIST_KEYS,
	list,
	locksMap,
	MEETING_SECTIONS,
	SECTION_OF_KEY,
	FIELD_PREFIX,
	type MeetingSection
} from './shape.ts';

/**
 * What only the chair may change: the chair's controls (current agenda item, timer and
 * the locks themselves) and every section the chair has locked. The collaboration server
 * uses this to undo anyone else's change to them (see src/lib/server/collab/chairControlsGuard.ts).
 */

/** The parts of the document a revert needs to know as they were before a change. */
export interface ChairOnlyState {
	locked: ReadonlySet<MeetingSection>;
	/** Plain values of the maps, which are put back key by key. */
	details: ReadonlyMap<string, unknown>;
	chair: ReadonlyMap<string, unknown>;
	locks: ReadonlyMap<string, unknown>;
}

export interface ChairOnlyChange {
	/** Locked sections, and sections the edit rules keep from this person, the change touched. */
	sections: MeetingSection[];
	/** Of those, the ones undone because of who may change them rather than a lock. */
	rules: MeetingSection[];
	/** Whether it changed the chair's controls or the locks. */
	controls: boolean;
}

function entriesOf(map: Y.Map<unknown>): ReadonlyMap<string, unknown> {
	return new Map(map.entries());
}

/** Cheap enough to take before every transaction: the maps hold a handful of plain values. */
export function readChairOnlyState(doc: Y.Doc): ChairOnlyState {
	const locks = locksMap(doc);
	return {
		locked: new Set(MEETING_SECTIONS.filter((section) => locks.get(section) === true)),
		details: entriesOf(detailsMap(doc)),
		chair: entriesOf(chairMap(doc)),
		locks: entriesOf(locks)
	};
}

/**
 * What a transaction changed that only the chair may change, judged by the state before
 * it: the controls, locked sections, and the sections in `forbidden` (see editRules.ts).
 */
export function chairOnlyChange(
	doc: Y.Doc,
	transaction: Y.Transaction,
	before: ChairOnlyState,
	forbidden: ReadonlySet<MeetingSection> = new Set()
): ChairOnlyChange | null {
	const controlMaps: object[] = [chairMap(doc), locksMap(doc)];
	const controls = [...transaction.changed.keys()].some((type) => controlMaps.includes(type));
	const sections = sectionsTouched(doc, transaction).filter(
		(section) => before.locked.has(section) || forbidden.has(section)
	);
	const rules = sections.filter((section) => !before.locked.has(section));
	return controls || sections.length > 0 ? { sections, rules, controls } : null;
}

/** A list or a document-wide text field. */
export type SectionType = Y.Array<unknown> | Y.XmlFragment;

/**
 * The lists and text fields that hold the given sections: what an undo of a change is
 * limited to. The maps (details, chair, locks) are put back by restoreChairOnlyMaps.
 */
export function sectionTypes(doc: Y.Doc, sections: readonly MeetingSection[]): SectionType[] {
	const wanted = new Set(sections);
	const types: SectionType[] = [];
	for (const key of LIST_KEYS) {
		const section = SECTION_OF_KEY[key];
		if (section && wanted.has(section)) types.push(list(doc, key));
	}
	for (const field of DOCUMENT_FIELDS) {
		const section = SECTION_OF_KEY[`${FIELD_PREFIX}${field}`];
		if (section && wanted.has(section)) types.push(documentFragment(doc, field));
	}
	return types;
}

function restoreMap(
	map: Y.Map<unknown>,
	before: ReadonlyMap<string, unknown>,
	keys: Iterable<string>
): void {
	for (const key of keys) {
		const value = before.get(key);
		if (value === undefined) {
			if (map.has(key)) map.delete(key);
		} else if (map.get(key) !== value) {
			map.set(key, value);
		}
	}
}

/** Puts back the map values a chair-only change altered. Call inside a transaction. */
export function restoreChairOnlyMaps(
	doc: Y.Doc,
	before: ChairOnlyState,
	change: ChairOnlyChange
): void {
	const sections = new Set(change.sections);
	const details = detailsMap(doc);
	const detailKeys = new Set([...before.details.keys(), ...details.keys()]);
	restoreMap(
		details,
		before.details,
		[...detailKeys].filter((key) => {
			const section = DETAIL_SECTIONS[key];
			return section !== undefined && sections.has(section);
		})
	);
	if (!change.controls) return;
	const chair = chairMap(doc);
	restoreMap(chair, before.chair, new Set([...before.chair.keys(), ...chair.keys()]));
	const locks = locksMap(doc);
	restoreMap(locks, before.locks, new Set([...before.locks.keys(), ...locks.keys()]));
}
