import * as Y from 'yjs';
import {
	appendItem,
	assertIsoDate,
	assertOneOf,
	assertScale,
	moveItem,
	newFragment,
	newItemId,
	removeItem,
	requireItem,
	writeFragmentText
} from '../docParts.ts';
import { change, setOptional } from './changeHelpers.ts';
import { fieldFragment } from './fields.ts';
import {
	ATTENDANCE_STATUSES,
	chairMap,
	detailsMap,
	DISAGREEMENT_VIEWS,
	EHCP_PLAN_SECTIONS,
	EHCP_RECOMMENDATIONS,
	list,
	locksMap,
	MEETING_SECTIONS,
	type AttendanceStatus,
	type EhcpPlanSection,
	type EhcpRecommendation,
	type ListKey,
	type MeetingSection
} from './shape.ts';

/**
 * Change functions: each is one Yjs transaction, refuses invalid values with a RangeError
 * (a caller bug, not user input: validate forms before calling) and returns new ids.
 */

// ——— Lists in general ——————————————————————————————————————————————————————————————

export type MeetingList = ListKey;

/** Moves an item of any list so that it reads at `toIndex`. */
export function moveListItem(doc: Y.Doc, listKey: MeetingList, id: string, toIndex: number): void {
	change(doc, () => moveItem(list(doc, listKey), id, toIndex));
}

/** Removes an item of any list; false if it was already gone. */
export function removeListItem(doc: Y.Doc, listKey: MeetingList, id: string): boolean {
	return change(doc, () => removeItem(list(doc, listKey), id));
}

/** Replaces a rich-text field's content with plain text (editors edit the fragment itself). */
export function setFieldText(doc: Y.Doc, fieldId: string, text: string): void {
	const fragment = fieldFragment(doc, fieldId);
	if (!fragment) throw new RangeError(`No text field ${fieldId}`);
	change(doc, () => writeFragmentText(fragment, text));
}

// ——— Agenda and chair controls —————————————————————————————————————————————————————

export function addAgendaItem(doc: Y.Doc, title: string, id = newItemId()): string {
	change(doc, () =>
		appendItem(list(doc, 'agenda'), id, (item) => {
			item.set('title', title);
			item.set('done', false);
		})
	);
	return id;
}

export function renameAgendaItem(doc: Y.Doc, id: string, title: string): void {
	change(doc, () => requireItem(list(doc, 'agenda'), id, 'Agenda item').set('title', title));
}

export function setAgendaItemDone(doc: Y.Doc, id: string, done: boolean): void {
	change(doc, () => requireItem(list(doc, 'agenda'), id, 'Agenda item').set('done', done));
}

/** The chair moves everyone to an agenda item (null: before the first). */
export function setCurrentAgendaItem(doc: Y.Doc, id: string | null): void {
	change(doc, () => {
		if (id !== null) requireItem(list(doc, 'agenda'), id, 'Agenda item');
		setOptional(chairMap(doc), 'currentAgendaItemId', id);
	});
}

/** Starts (ISO date-time of the end) or clears the chair's timer. */
export function setAgendaTimer(doc: Y.Doc, endsAt: string | null): void {
	if (endsAt !== null && Number.isNaN(Date.parse(endsAt)))
		throw new RangeError(`Timer end must be an ISO date-time, not "${endsAt}"`);
	change(doc, () => setOptional(chairMap(doc), 'timerEndsAt', endsAt));
}

export function setSectionLocked(doc: Y.Doc, section: MeetingSection, locked: boolean): void {
	assertOneOf(section, MEETING_SECTIONS, 'Section');
	change(doc, () => (locked ? locksMap(doc).set(section, true) : locksMap(doc).delete(section)));
}

// ——— Attendance and contributions ——————————————————————————————————————————————————

export interface AttendeeInput {
	userId: string | null;
	name: string;
	role: string;
	agency: string;
	status?: AttendanceStatus;
}

export function addAttendee(doc: Y.Doc, input: AttendeeInput, id = newItemId()): string {
	const status = input.status ?? 'expected';
	assertOneOf(status, ATTENDANCE_STATUSES, 'Attendance status');
	change(doc, () =>
		appendItem(list(doc, 'attendance'), id, (item) => {
			setOptional(item, 'userId', input.userId);
			item.set('name', input.name);
			item.set('role', input.role);
			item.set('agency', input.agency);
			item.set('status', status);
		})
	);
	return id;
}

export function setAttendanceStatus(doc: Y.Doc, id: string, status: AttendanceStatus): void {
	assertOneOf(status, ATTENDANCE_STATUSES, 'Attendance status');
	change(doc, () => requireItem(list(doc, 'attendance'), id, 'Attendee').set('status', status));
}

export interface ContributionInput {
	authorUserId: string | null;
	authorName: string;
	role: string;
	agency: string;
	submittedAt: string | null;
	text: string;
}

export function addContribution(doc: Y.Doc, input: ContributionInput, id = newItemId()): string {
	change(doc, () =>
		appendItem(list(doc, 'contributions'), id, (item) => {
			setOptional(item, 'authorUserId', input.authorUserId);
			item.set('authorName', input.authorName);
			item.set('role', input.role);
			item.set('agency', input.agency);
			setOptional(item, 'submittedAt', input.submittedAt);
			item.set('text', newFragment(input.text));
		})
	);
	return id;
}

// ——— What's working / not working / worries ———————————————————————————————————————

export type WorkingColumn = 'working' | 'notWorking' | 'worries';

/** The 0–10 scale beside one of the three columns (null clears it). */
export function setColumnScale(doc: Y.Doc, column: WorkingColumn, value: number | null): void {
	assertOneOf(column, ['working', 'notWorking', 'worries'], 'Column');
	assertScale(value, 'Scale');
	change(doc, () => {
		const key = `${column}Scale`;
		if (value === null) detailsMap(doc).delete(key);
		else detailsMap(doc).set(key, value);
	});
}

// ——— Outcomes and provision —————————————————————————————————————————————————————————

export interface OutcomeInput {
	areaOfNeed: string | null;
	text: string;
	steps?: string;
	progress?: number | null;
	evidence?: string;
}

export function addOutcome(doc: Y.Doc, input: OutcomeInput, id = newItemId()): string {
	assertScale(input.progress ?? null, 'Progress');
	change(doc, () =>
		appendItem(list(doc, 'outcomes'), id, (item) => {
			setOptional(item, 'areaOfNeed', input.areaOfNeed);
			item.set('text', newFragment(input.text));
			item.set('steps', newFragment(input.steps ?? ''));
			item.set('evidence', newFragment(input.evidence ?? ''));
			if (input.progress !== undefined && input.progress !== null)
				item.set('progress', input.progress);
		})
	);
	return id;
}

export function setOutcomeAreaOfNeed(doc: Y.Doc, id: string, areaOfNeed: string | null): void {
	change(doc, () =>
		setOptional(requireItem(list(doc, 'outcomes'), id, 'Outcome'), 'areaOfNeed', areaOfNeed)
	);
}

/** Progress since the last review, 0–10 (null clears it). */
export function setOutcomeProgress(doc: Y.Doc, id: string, progress: number | null): void {
	assertScale(progress, 'Progress');
	change(doc, () => {
		const item = requireItem(list(doc, 'outcomes'), id, 'Outcome');
		if (progress === null) item.delete('progress');
		else item.set('progress', progress);
	});
}

export interface ProvisionInput {
	text: string;
	providedBy: string;
	frequency: string;
	authorUserId: string | null;
	authorName: string;
	date: string | null;
	reviewBy: string | null;
}

export function addProvision(doc: Y.Doc, input: ProvisionInput, id = newItemId()): string {
	assertIsoDate(input.date, 'Date');
	assertIsoDate(input.reviewBy, 'Review-by date');
	change(doc, () =>
		appendItem(list(doc, 'provision'), id, (item) => {
			item.set('text', newFragment(input.text));
			item.set('providedBy', input.providedBy);
			item.set('frequency', input.frequency);
			setOptional(item, 'authorUserId', input.authorUserId);
			item.set('authorName', input.authorName);
			setOptional(item, 'date', input.date);
			setOptional(item, 'reviewBy', input.reviewBy);
		})
	);
	return id;
}

export type ProvisionDetails = Partial<
	Pick<ProvisionInput, 'providedBy' | 'frequency' | 'date' | 'reviewBy'>
>;

export function updateProvision(doc: Y.Doc, id: string, details: ProvisionDetails): void {
	if (details.date !== undefined) assertIsoDate(details.date, 'Date');
	if (details.reviewBy !== undefined) assertIsoDate(details.reviewBy, 'Review-by date');
	change(doc, () => {
		const item = requireItem(list(doc, 'provision'), id, 'Provision');
		if (details.providedBy !== undefined) item.set('providedBy', details.providedBy);
		if (details.frequency !== undefined) item.set('frequency', details.frequency);
		if (details.date !== undefined) setOptional(item, 'date', details.date);
		if (details.reviewBy !== undefined) setOptional(item, 'reviewBy', details.reviewBy);
	});
}

// ——— Decisions and disagreements ———————————————————————————————————————————————————

export function addDecision(doc: Y.Doc, text: string, id = newItemId()): string {
	change(doc, () =>
		appendItem(list(doc, 'decisions'), id, (item) => item.set('text', newFragment(text)))
	);
	return id;
}

export function addDisagreement(doc: Y.Doc, point: string, id = newItemId()): string {
	change(doc, () =>
		appendItem(list(doc, 'disagreements'), id, (item) => {
			item.set('point', newFragment(point));
			item.set(DISAGREEMENT_VIEWS, new Y.Array());
		})
	);
	return id;
}

export interface DisagreementViewInput {
	heldByUserId: string | null;
	heldByName: string;
	text: string;
}

/** Records one view on a disagreement and who holds it. */
export function addDisagreementView(
	doc: Y.Doc,
	disagreementId: string,
	input: DisagreementViewInput,
	id = newItemId()
): string {
	change(doc, () => {
		const item = requireItem(list(doc, 'disagreements'), disagreementId, 'Disagreement');
		let views = item.get(DISAGREEMENT_VIEWS);
		if (!(views instanceof Y.Array)) {
			views = new Y.Array();
			item.set(DISAGREEMENT_VIEWS, views);
		}
		appendItem(views as Y.Array<unknown>, id, (view) => {
			setOptional(view, 'heldByUserId', input.heldByUserId);
			view.set('heldByName', input.heldByName);
			view.set('text', newFragment(input.text));
		});
	});
	return id;
}

export function removeDisagreementView(
	doc: Y.Doc,
	disagreementId: string,
	viewId: string
): boolean {
	return change(doc, () => {
		const views = requireItem(list(doc, 'disagreements'), disagreementId, 'Disagreement').get(
			DISAGREEMENT_VIEWS
		);
		return views instanceof Y.Array ? removeItem(views, viewId) : false;
	});
}

// ——— Next review and the EHCP recommendation ——————————————————————————————————————

export function setNextReviewDate(doc: Y.Doc, date: string | null): void {
	assertIsoDate(date, 'Next review date');
	change(doc, () => setOptional(detailsMap(doc), 'nextReviewDate', date));
}

export function setRecommendation(doc: Y.Doc, recommendation: EhcpRecommendation | null): void {
	if (recommendation !== null) assertOneOf(recommendation, EHCP_RECOMMENDATIONS, 'Recommendation');
	change(doc, () => setOptional(detailsMap(doc), 'recommendation', recommendation));
}

export function addAmendment(
	doc: Y.Doc,
	section: EhcpPlanSection,
	text: string,
	id = newItemId()
): string {
	assertOneOf(section, EHCP_PLAN_SECTIONS, 'Plan section');
	change(doc, () =>
		appendItem(list(doc, 'amendments'), id, (item) => {
			item.set('section', section);
			item.set('text', newFragment(text));
		})
	);
	return id;
}

export function setAmendmentSection(doc: Y.Doc, id: string, section: EhcpPlanSection): void {
	assertOneOf(section, EHCP_PLAN_SECTIONS, 'Plan section');
	change(doc, () => requireItem(list(doc, 'amendments'), id, 'Amendment').set('section', section));
}
