import * as Y from 'yjs';
import {
	orderedItems,
	readBoolean,
	readNullableString,
	readNumber,
	readOneOf,
	readString,
	type ItemMap
} from '../docParts.ts';
import { readChildVoice } from './childVoice.ts';
import {
	disagreementViewFieldId,
	itemFieldId,
	readDocumentField,
	readItemField
} from './fields.ts';
import {
	ACTION_STATUSES,
	ATTENDANCE_STATUSES,
	chairMap,
	detailsMap,
	DISAGREEMENT_VIEWS,
	EHCP_PLAN_SECTIONS,
	EHCP_RECOMMENDATIONS,
	list,
	locksMap,
	MEETING_SECTIONS,
	metaMap,
	type MeetingSection
} from './shape.ts';
import {
	ACTION_HISTORY_KINDS,
	type Action,
	type ActionHistoryEntry,
	type AgendaSnapshot,
	type Amendment,
	type Attendee,
	type CarriedFrom,
	type Contribution,
	type Decision,
	type Disagreement,
	type MeetingDocSnapshot,
	type Outcome,
	type Provision,
	type WorkingAndWorries
} from './types.ts';

/** Readers: plain objects from the live document, tolerant of anything a peer wrote. */

const id = (item: ItemMap) => readString(item, 'id');

/** The document's schema version; null for a document written before versioning. */
export function readSchemaVersion(doc: Y.Doc): number | null {
	return readNumber(metaMap(doc), 'schemaVersion');
}

export function readAgenda(doc: Y.Doc): AgendaSnapshot {
	const items = orderedItems(list(doc, 'agenda')).map((item) => ({
		id: id(item),
		title: readString(item, 'title'),
		done: readBoolean(item, 'done')
	}));
	const chair = chairMap(doc);
	const currentItemId = readNullableString(chair, 'currentAgendaItemId');
	const index = items.findIndex((item) => item.id === currentItemId);
	return {
		items,
		currentIndex: index >= 0 ? index : null,
		currentItemId: index >= 0 ? currentItemId : null,
		timerEndsAt: readNullableString(chair, 'timerEndsAt')
	};
}

export function readAttendance(doc: Y.Doc): Attendee[] {
	return orderedItems(list(doc, 'attendance')).map((item) => ({
		id: id(item),
		userId: readNullableString(item, 'userId'),
		name: readString(item, 'name'),
		role: readString(item, 'role'),
		agency: readString(item, 'agency'),
		status: readOneOf(item, 'status', ATTENDANCE_STATUSES) ?? 'expected'
	}));
}

export function readContributions(doc: Y.Doc): Contribution[] {
	return orderedItems(list(doc, 'contributions')).map((item) => ({
		id: id(item),
		authorUserId: readNullableString(item, 'authorUserId'),
		authorName: readString(item, 'authorName'),
		role: readString(item, 'role'),
		agency: readString(item, 'agency'),
		submittedAt: readNullableString(item, 'submittedAt'),
		text: readItemField(item, itemFieldId('contributions', id(item), 'text'), 'text')
	}));
}

export function readWorkingAndWorries(doc: Y.Doc): WorkingAndWorries {
	const details = detailsMap(doc);
	return {
		working: readDocumentField(doc, 'working'),
		workingScale: readNumber(details, 'workingScale'),
		notWorking: readDocumentField(doc, 'notWorking'),
		notWorkingScale: readNumber(details, 'notWorkingScale'),
		worries: readDocumentField(doc, 'worries'),
		worriesScale: readNumber(details, 'worriesScale')
	};
}

export function readOutcomes(doc: Y.Doc): Outcome[] {
	return orderedItems(list(doc, 'outcomes')).map((item) => {
		const field = (name: string) =>
			readItemField(item, itemFieldId('outcomes', id(item), name), name);
		return {
			id: id(item),
			areaOfNeed: readNullableString(item, 'areaOfNeed'),
			text: field('text'),
			steps: field('steps'),
			progress: readNumber(item, 'progress'),
			evidence: field('evidence')
		};
	});
}

export function readProvision(doc: Y.Doc): Provision[] {
	return orderedItems(list(doc, 'provision')).map((item) => ({
		id: id(item),
		text: readItemField(item, itemFieldId('provision', id(item), 'text'), 'text'),
		providedBy: readString(item, 'providedBy'),
		frequency: readString(item, 'frequency'),
		authorUserId: readNullableString(item, 'authorUserId'),
		authorName: readString(item, 'authorName'),
		date: readNullableString(item, 'date'),
		reviewBy: readNullableString(item, 'reviewBy')
	}));
}

function readCarriedFrom(value: unknown): CarriedFrom | null {
	if (typeof value !== 'object' || value === null) return null;
	const { actionId, meetingId, firstRaisedAt } = value as Record<string, unknown>;
	return typeof actionId === 'string' &&
		typeof meetingId === 'string' &&
		typeof firstRaisedAt === 'string'
		? { actionId, meetingId, firstRaisedAt }
		: null;
}

function readHistoryEntry(value: unknown): ActionHistoryEntry | null {
	if (typeof value !== 'object' || value === null) return null;
	const entry = value as Record<string, unknown>;
	const kind = ACTION_HISTORY_KINDS.find((known) => known === entry.kind);
	if (!kind || typeof entry.at !== 'string') return null;
	const optional = (v: unknown) => (typeof v === 'string' ? v : null);
	return {
		at: entry.at,
		kind,
		byUserId: optional(entry.byUserId),
		meetingId: optional(entry.meetingId),
		value: optional(entry.value)
	};
}

export function readActions(doc: Y.Doc): Action[] {
	return orderedItems(list(doc, 'actions')).map((item) => {
		const history = item.get('history');
		return {
			id: id(item),
			text: readItemField(item, itemFieldId('actions', id(item), 'text'), 'text'),
			ownerUserId: readNullableString(item, 'ownerUserId'),
			ownerAgency: readString(item, 'ownerAgency'),
			dueDate: readNullableString(item, 'dueDate'),
			status: readOneOf(item, 'status', ACTION_STATUSES) ?? 'open',
			outcomeId: readNullableString(item, 'outcomeId'),
			evidence: readItemField(item, itemFieldId('actions', id(item), 'evidence'), 'evidence'),
			carriedFrom: readCarriedFrom(item.get('carriedFrom')),
			history:
				history instanceof Y.Array
					? history
							.toArray()
							.map(readHistoryEntry)
							.filter((entry): entry is ActionHistoryEntry => entry !== null)
					: []
		};
	});
}

export function readDecisions(doc: Y.Doc): Decision[] {
	return orderedItems(list(doc, 'decisions')).map((item) => ({
		id: id(item),
		text: readItemField(item, itemFieldId('decisions', id(item), 'text'), 'text')
	}));
}

export function readDisagreements(doc: Y.Doc): Disagreement[] {
	return orderedItems(list(doc, 'disagreements')).map((item) => {
		const views = item.get(DISAGREEMENT_VIEWS);
		return {
			id: id(item),
			point: readItemField(item, itemFieldId('disagreements', id(item), 'point'), 'point'),
			views:
				views instanceof Y.Array
					? orderedItems(views).map((view) => ({
							id: id(view),
							heldByUserId: readNullableString(view, 'heldByUserId'),
							heldByName: readString(view, 'heldByName'),
							text: readItemField(view, disagreementViewFieldId(id(item), id(view)), 'text')
						}))
					: []
		};
	});
}

export function readAmendments(doc: Y.Doc): Amendment[] {
	return orderedItems(list(doc, 'amendments')).map((item) => ({
		id: id(item),
		section: readOneOf(item, 'section', EHCP_PLAN_SECTIONS),
		text: readItemField(item, itemFieldId('amendments', id(item), 'text'), 'text')
	}));
}

export function readLockedSections(doc: Y.Doc): MeetingSection[] {
	const locks = locksMap(doc);
	return MEETING_SECTIONS.filter((section) => locks.get(section) === true);
}

export function isSectionLocked(doc: Y.Doc, section: MeetingSection): boolean {
	return locksMap(doc).get(section) === true;
}

/** The whole meeting as plain objects. */
export function readMeetingDoc(doc: Y.Doc): MeetingDocSnapshot {
	const meta = metaMap(doc);
	const details = detailsMap(doc);
	return {
		schemaVersion: readSchemaVersion(doc),
		meetingId: readNullableString(meta, 'meetingId'),
		childId: readNullableString(meta, 'childId'),
		meetingType: readNullableString(meta, 'meetingType'),
		agenda: readAgenda(doc),
		attendance: readAttendance(doc),
		contributions: readContributions(doc),
		childViews: readDocumentField(doc, 'childViews'),
		childVoice: readChildVoice(doc),
		familyViews: readDocumentField(doc, 'familyViews'),
		workingAndWorries: readWorkingAndWorries(doc),
		outcomes: readOutcomes(doc),
		provision: readProvision(doc),
		actions: readActions(doc),
		decisions: readDecisions(doc),
		disagreements: readDisagreements(doc),
		nextReviewDate: readNullableString(details, 'nextReviewDate'),
		recommendation: readOneOf(details, 'recommendation', EHCP_RECOMMENDATIONS),
		amendments: readAmendments(doc),
		lockedSections: readLockedSections(doc)
	};
}

/**
 * Actions the chair must resolve or confirm before closing: no owner, no due date, or
 * marked done without evidence.
 */
export function actionsNeedingAttention(actions: Action[]): {
	action: Action;
	problems: ('no_owner' | 'no_due_date' | 'done_without_evidence')[];
}[] {
	return actions
		.filter((action) => action.status !== 'dropped')
		.map((action) => {
			const problems: ('no_owner' | 'no_due_date' | 'done_without_evidence')[] = [];
			if (!action.ownerUserId) problems.push('no_owner');
			if (!action.dueDate && action.status !== 'done') problems.push('no_due_date');
			if (action.status === 'done' && action.evidence.text.trim() === '')
				problems.push('done_without_evidence');
			return { action, problems };
		})
		.filter(({ problems }) => problems.length > 0);
}
