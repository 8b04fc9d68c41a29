import * as Y from 'yjs';
import { assignMissingPositions } from '../docParts.ts';
import { addAgendaItem, addAttendee, addContribution } from './change.ts';
import { putChildVoice } from './childVoice.ts';
import { startFromPlan } from './fromPlan.ts';
import { carryActionForward } from './changeActions.ts';
import { readSchemaVersion } from './read.ts';
import { LIST_KEYS, list, MEETING_DOC_SCHEMA_VERSION, metaMap } from './shape.ts';
import type { MeetingDocSeed } from './types.ts';

/**
 * Creating and upgrading the document. Both run on the server only, once, while it loads
 * the document and before any client receives it: two clients initialising or migrating
 * the same document at once would each add their own copies of the seeded items.
 */

/** True when nothing at all has been written to the document. */
export function isMeetingDocEmpty(doc: Y.Doc): boolean {
	return doc.store.clients.size === 0;
}

/**
 * Fills a new document from casework: agenda, attendees, written contributions, the
 * outcomes and provision of the child's current plan, and the open actions carried from
 * the child's previous meeting. Returns false (and changes
 * nothing) if the document was already initialised.
 */
export function initMeetingDoc(doc: Y.Doc, seed: MeetingDocSeed): boolean {
	if (readSchemaVersion(doc) !== null) return false;
	const now = seed.now ?? new Date().toISOString();
	doc.transact(() => {
		const meta = metaMap(doc);
		meta.set('schemaVersion', MEETING_DOC_SCHEMA_VERSION);
		meta.set('meetingId', seed.meetingId);
		meta.set('childId', seed.childId);
		meta.set('meetingType', seed.meetingType);
		meta.set('initialisedAt', now);
		for (const item of seed.agenda) addAgendaItem(doc, item.title, item.id);
		for (const attendee of seed.attendees) addAttendee(doc, attendee);
		for (const contribution of seed.contributions) addContribution(doc, contribution);
		if (seed.plan) startFromPlan(doc, seed.plan);
		for (const entry of seed.childVoice ?? []) putChildVoice(doc, entry);
		for (const action of seed.carriedActions) {
			carryActionForward(doc, action, { userId: null, at: new Date(now) });
		}
	});
	return true;
}

/** Thrown when a document was written by a newer version of Coplan than this one. */
export class MeetingDocTooNewError extends Error {
	override name = 'MeetingDocTooNewError';
	readonly version: number;
	constructor(version: number) {
		super(
			`The meeting document has schema version ${version}; this code knows up to ${MEETING_DOC_SCHEMA_VERSION}`
		);
		this.version = version;
	}
}

/**
 * Upgrades from each version to the next. Version 0 is the prototype shape written
 * before the document carried a version: list items had no position (they read in
 * array order) and actions had no status or history trail.
 */
const MIGRATIONS: Record<number, (doc: Y.Doc) => void> = {
	0: (doc) => {
		for (const key of LIST_KEYS) assignMissingPositions(list(doc, key));
		for (const item of list(doc, 'actions').toArray()) {
			if (!(item instanceof Y.Map)) continue;
			if (typeof item.get('status') !== 'string') item.set('status', 'open');
			if (!(item.get('history') instanceof Y.Array)) item.set('history', new Y.Array());
		}
	},
	// Version 2 adds the childVoice list, which starts empty: nothing to move. The step
	// exists so that older code, seeing version 2, refuses the document rather than
	// dropping the child's views on its next write.
	1: () => {}
};

export interface MigrationResult {
	from: number | null;
	to: number | null;
}

/**
 * Brings a stored document up to the current schema version. An empty document is left
 * alone (initMeetingDoc creates it); a document from a newer version is refused.
 */
export function migrateMeetingDoc(doc: Y.Doc): MigrationResult {
	const stored = readSchemaVersion(doc);
	if (stored === null && isMeetingDocEmpty(doc)) return { from: null, to: null };
	const from = stored ?? 0;
	if (from > MEETING_DOC_SCHEMA_VERSION) throw new MeetingDocTooNewError(from);
	if (from === MEETING_DOC_SCHEMA_VERSION) return { from, to: from };
	doc.transact(() => {
		for (let version = from; version < MEETING_DOC_SCHEMA_VERSION; version++) {
			const step = MIGRATIONS[version];
			if (!step) throw new Error(`No migration from meeting document version ${version}`);
			step(doc);
		}
		metaMap(doc).set('schemaVersion', MEETING_DOC_SCHEMA_VERSION);
	});
	return { from: stored, to: MEETING_DOC_SCHEMA_VERSION };
}
