import * as Y from 'yjs';
import {
	appendItem,
	assertIsoDate,
	assertOneOf,
	newFragment,
	newItemId,
	readNullableString,
	requireItem,
	type ItemMap
} from '../docParts.ts';
import { change, setOptional } from './changeHelpers.ts';
import { ACTION_STATUSES, list, metaMap, type ActionStatus } from './shape.ts';
import type { ActionHistoryEntry, CarriedActionSeed, ChangeAuthor } from './types.ts';

/**
 * Change functions for actions: each keeps the action's history (who changed the owner,
 * due date or status, when, and in which meeting), which travels with an action carried
 * forward to the next meeting.
 */

function historyEntry(
	doc: Y.Doc,
	author: ChangeAuthor,
	kind: ActionHistoryEntry['kind'],
	value: string | null
): ActionHistoryEntry {
	return {
		at: (author.at ?? new Date()).toISOString(),
		byUserId: author.userId,
		meetingId: readNullableString(metaMap(doc), 'meetingId'),
		kind,
		value
	};
}

function appendHistory(item: ItemMap, entries: ActionHistoryEntry[]): void {
	const history = item.get('history');
	if (history instanceof Y.Array) history.push(entries);
	else item.set('history', Y.Array.from(entries));
}

export interface ActionInput {
	text: string;
	ownerUserId?: string | null;
	ownerAgency?: string;
	dueDate?: string | null;
	outcomeId?: string | null;
}

export function addAction(
	doc: Y.Doc,
	input: ActionInput,
	author: ChangeAuthor,
	id = newItemId()
): string {
	assertIsoDate(input.dueDate ?? null, 'Due date');
	change(doc, () =>
		appendItem(list(doc, 'actions'), id, (item) => {
			item.set('text', newFragment(input.text));
			item.set('evidence', newFragment());
			setOptional(item, 'ownerUserId', input.ownerUserId ?? null);
			item.set('ownerAgency', input.ownerAgency ?? '');
			setOptional(item, 'dueDate', input.dueDate ?? null);
			item.set('status', 'open');
			setOptional(item, 'outcomeId', input.outcomeId ?? null);
			item.set('history', Y.Array.from([historyEntry(doc, author, 'created', null)]));
		})
	);
	return id;
}

/** Adds an open action of an earlier meeting, marked as carried, keeping its history. */
export function carryActionForward(
	doc: Y.Doc,
	seed: CarriedActionSeed,
	author: ChangeAuthor,
	id = newItemId()
): string {
	assertIsoDate(seed.dueDate, 'Due date');
	assertOneOf(seed.status, ACTION_STATUSES, 'Action status');
	// The outcome it served is in this meeting too when it came from the child's plan
	// (same id); an outcome only the earlier meeting had is not linked.
	const outcomeHere =
		seed.outcomeId !== null &&
		list(doc, 'outcomes')
			.toArray()
			.some((outcome) => outcome instanceof Y.Map && outcome.get('id') === seed.outcomeId);
	change(doc, () =>
		appendItem(list(doc, 'actions'), id, (item) => {
			item.set('text', newFragment(seed.text));
			item.set('evidence', newFragment());
			setOptional(item, 'ownerUserId', seed.ownerUserId);
			item.set('ownerAgency', seed.ownerAgency);
			setOptional(item, 'dueDate', seed.dueDate);
			item.set('status', seed.status);
			setOptional(item, 'outcomeId', outcomeHere ? seed.outcomeId : null);
			item.set('carriedFrom', {
				actionId: seed.actionId,
				meetingId: seed.meetingId,
				firstRaisedAt: seed.firstRaisedAt
			});
			item.set(
				'history',
				Y.Array.from([
					...seed.history,
					historyEntry(doc, author, 'carried_forward', seed.meetingId)
				])
			);
		})
	);
	return id;
}

/** Gives the action its one owner (a team member) and the owner's agency; null unassigns. */
export function setActionOwner(
	doc: Y.Doc,
	id: string,
	owner: { userId: string; agency: string } | null,
	author: ChangeAuthor
): void {
	change(doc, () => {
		const item = requireItem(list(doc, 'actions'), id, 'Action');
		setOptional(item, 'ownerUserId', owner?.userId ?? null);
		item.set('ownerAgency', owner?.agency ?? '');
		appendHistory(item, [historyEntry(doc, author, 'owner', owner?.userId ?? null)]);
	});
}

export function setActionDueDate(
	doc: Y.Doc,
	id: string,
	dueDate: string | null,
	author: ChangeAuthor
): void {
	assertIsoDate(dueDate, 'Due date');
	change(doc, () => {
		const item = requireItem(list(doc, 'actions'), id, 'Action');
		setOptional(item, 'dueDate', dueDate);
		appendHistory(item, [historyEntry(doc, author, 'due_date', dueDate)]);
	});
}

export function setActionStatus(
	doc: Y.Doc,
	id: string,
	status: ActionStatus,
	author: ChangeAuthor
): void {
	assertOneOf(status, ACTION_STATUSES, 'Action status');
	change(doc, () => {
		const item = requireItem(list(doc, 'actions'), id, 'Action');
		item.set('status', status);
		appendHistory(item, [historyEntry(doc, author, 'status', status)]);
	});
}

export function linkActionToOutcome(doc: Y.Doc, id: string, outcomeId: string | null): void {
	change(doc, () => {
		if (outcomeId !== null) requireItem(list(doc, 'outcomes'), outcomeId, 'Outcome');
		setOptional(requireItem(list(doc, 'actions'), id, 'Action'), 'outcomeId', outcomeId);
	});
}
