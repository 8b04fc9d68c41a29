import * as Y from 'yjs';

/**
 * The meeting document's keys and value sets. Only the modules in this folder (exported
 * through ../meetingDoc.ts) may use them; everything else calls the typed functions.
 *
 * Layout of the Y.Doc (schema version 2):
 *   meta      Y.Map   schemaVersion, meetingId, childId, meetingType, initialisedAt
 *   chair     Y.Map   currentAgendaItemId, timerEndsAt
 *   locks     Y.Map   section id → true while the chair has locked that section
 *   details   Y.Map   nextReviewDate, recommendation, workingScale, notWorkingScale, worriesScale
 *   field:<id>  Y.XmlFragment  the document-wide text fields (childViews, familyViews,
 *                              working, notWorking, worries)
 *   agenda, attendance, contributions, outcomes, provision, actions, decisions,
 *   disagreements, amendments   Y.Array of Y.Map items (each with id and position);
 *                              an item's text fields are Y.XmlFragments inside its map.
 *   childVoice  Y.Array of Y.Map items with plain values: what the child sent through
 *               their own link (childVoice.ts); part of the childViews section. Added in
 *               version 2.
 */
export const MEETING_DOC_SCHEMA_VERSION = 2;

export const META = 'meta';
export const CHAIR = 'chair';
export const LOCKS = 'locks';
export const DETAILS = 'details';

export const LIST_KEYS = [
	'agenda',
	'attendance',
	'contributions',
	'outcomes',
	'provision',
	'actions',
	'decisions',
	'disagreements',
	'amendments',
	'childVoice'
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

/** Document-wide text fields; their field id is the key itself. */
export const DOCUMENT_FIELDS = [
	'childViews',
	'familyViews',
	'working',
	'notWorking',
	'worries'
] as const;
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];

export const FIELD_PREFIX = 'field:';

/** Sections as the chair locks them and as the history names them. */
export const MEETING_SECTIONS = [
	'agenda',
	'attendance',
	'contributions',
	'childViews',
	'familyViews',
	'workingAndWorries',
	'outcomes',
	'provision',
	'actions',
	'decisions',
	'disagreements',
	'nextReview',
	'ehcpRecommendation'
] as const;
export type MeetingSection = (typeof MEETING_SECTIONS)[number];

export const MEETING_SECTION_LABELS: Record<MeetingSection, string> = {
	agenda: 'Agenda',
	attendance: 'Attendance and apologies',
	contributions: 'Written contributions',
	childViews: 'The child’s views',
	familyViews: 'The family’s views',
	workingAndWorries: 'What’s working, what’s not working and worries',
	outcomes: 'Outcomes',
	provision: 'Provision and strategies',
	actions: 'Actions',
	decisions: 'Decisions',
	disagreements: 'Disagreements',
	nextReview: 'Next review',
	ehcpRecommendation: 'EHCP (Education, Health and Care plan) recommendation and amendments'
};

/** Which section each top-level key belongs to (for locks and for history). */
export const SECTION_OF_KEY: Record<string, MeetingSection> = {
	agenda: 'agenda',
	[CHAIR]: 'agenda',
	attendance: 'attendance',
	contributions: 'contributions',
	[`${FIELD_PREFIX}childViews`]: 'childViews',
	[`${FIELD_PREFIX}familyViews`]: 'familyViews',
	[`${FIELD_PREFIX}working`]: 'workingAndWorries',
	[`${FIELD_PREFIX}notWorking`]: 'workingAndWorries',
	[`${FIELD_PREFIX}worries`]: 'workingAndWorries',
	outcomes: 'outcomes',
	provision: 'provision',
	actions: 'actions',
	decisions: 'decisions',
	disagreements: 'disagreements',
	amendments: 'ehcpRecommendation',
	childVoice: 'childViews'
};

/** Keys of the details map and the section each belongs to. */
export const DETAIL_SECTIONS: Record<string, MeetingSection> = {
	nextReviewDate: 'nextReview',
	recommendation: 'ehcpRecommendation',
	workingScale: 'workingAndWorries',
	notWorkingScale: 'workingAndWorries',
	worriesScale: 'workingAndWorries'
};

export const ATTENDANCE_STATUSES = ['expected', 'present', 'apologies'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export { ACTION_STATUSES, type ActionStatus } from '../../domain/actionStatuses.ts';

export const EHCP_RECOMMENDATIONS = ['maintain', 'amend', 'cease'] as const;
export type EhcpRecommendation = (typeof EHCP_RECOMMENDATIONS)[number];

/** Sections of an EHC plan (DOMAIN.md "The plan's language"). */
export const EHCP_PLAN_SECTIONS = [
	'A',
	'B',
	'C',
	'D',
	'E',
	'F',
	'G',
	'H1',
	'H2',
	'I',
	'J',
	'K'
] as const;
export type EhcpPlanSection = (typeof EHCP_PLAN_SECTIONS)[number];

/** Disagreements hold a nested list of views, each with its own text field. */
export const DISAGREEMENT_VIEWS = 'views';

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(META);
}
export function chairMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(CHAIR);
}
export function locksMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(LOCKS);
}
export function detailsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(DETAILS);
}
export function list(doc: Y.Doc, key: ListKey): Y.Array<unknown> {
	return doc.getArray(key);
}
export function documentFragment(doc: Y.Doc, field: DocumentField): Y.XmlFragment {
	return doc.getXmlFragment(`${FIELD_PREFIX}${field}`);
}
