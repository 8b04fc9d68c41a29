import type { PlanOutcome, PlanProvision } from '../../domain/plan/planContent.ts';
import type { ChildVoiceEntry, ChildVoiceInput } from './childVoice.ts';
import type {
	ActionStatus,
	AttendanceStatus,
	EhcpPlanSection,
	EhcpRecommendation,
	MeetingSection
} from './shape.ts';

/** A rich-text field as read: its id (to bind an editor with fieldFragment) and its text. */
export interface TextField {
	fieldId: string;
	text: string;
}

export interface AgendaItem {
	id: string;
	title: string;
	done: boolean;
}

export interface AgendaSnapshot {
	items: AgendaItem[];
	/** Index in `items` of the item the chair has moved to; null before the chair starts. */
	currentIndex: number | null;
	currentItemId: string | null;
	/** When the chair's timer for the current item ends (ISO date-time), if set. */
	timerEndsAt: string | null;
}

export interface Attendee {
	id: string;
	/** The team member's user id; null for someone outside the team (e.g. an interpreter). */
	userId: string | null;
	name: string;
	role: string;
	agency: string;
	status: AttendanceStatus;
}

export interface Contribution {
	id: string;
	authorUserId: string | null;
	authorName: string;
	role: string;
	agency: string;
	/** When it was written (ISO date-time), if known. */
	submittedAt: string | null;
	text: TextField;
}

export interface Outcome {
	id: string;
	areaOfNeed: string | null;
	text: TextField;
	steps: TextField;
	/** Progress since the last review, 0 (none) to 10 (achieved); null until scored. */
	progress: number | null;
	evidence: TextField;
}

export interface Provision {
	id: string;
	text: TextField;
	providedBy: string;
	frequency: string;
	authorUserId: string | null;
	authorName: string;
	/** yyyy-mm-dd */
	date: string | null;
	reviewBy: string | null;
}

export interface CarriedFrom {
	actionId: string;
	meetingId: string;
	/** When the action was first agreed (ISO date-time). */
	firstRaisedAt: string;
}

export const ACTION_HISTORY_KINDS = [
	'created',
	'carried_forward',
	'owner',
	'due_date',
	'status'
] as const;
export type ActionHistoryKind = (typeof ACTION_HISTORY_KINDS)[number];

export interface ActionHistoryEntry {
	/** ISO date-time */
	at: string;
	byUserId: string | null;
	meetingId: string | null;
	kind: ActionHistoryKind;
	/** The new value for owner / due date / status changes. */
	value: string | null;
}

export interface Action {
	id: string;
	text: TextField;
	ownerUserId: string | null;
	ownerAgency: string;
	/** yyyy-mm-dd */
	dueDate: string | null;
	status: ActionStatus;
	outcomeId: string | null;
	evidence: TextField;
	carriedFrom: CarriedFrom | null;
	history: ActionHistoryEntry[];
}

export interface Decision {
	id: string;
	text: TextField;
}

export interface DisagreementView {
	id: string;
	heldByUserId: string | null;
	heldByName: string;
	text: TextField;
}

export interface Disagreement {
	id: string;
	point: TextField;
	views: DisagreementView[];
}

export interface Amendment {
	id: string;
	section: EhcpPlanSection | null;
	text: TextField;
}

export interface WorkingAndWorries {
	working: TextField;
	workingScale: number | null;
	notWorking: TextField;
	notWorkingScale: number | null;
	worries: TextField;
	worriesScale: number | null;
}

export interface MeetingDocSnapshot {
	schemaVersion: number | null;
	meetingId: string | null;
	childId: string | null;
	meetingType: string | null;
	agenda: AgendaSnapshot;
	attendance: Attendee[];
	contributions: Contribution[];
	childViews: TextField;
	/** What the child sent through their own link, in their own words. */
	childVoice: ChildVoiceEntry[];
	familyViews: TextField;
	workingAndWorries: WorkingAndWorries;
	outcomes: Outcome[];
	provision: Provision[];
	actions: Action[];
	decisions: Decision[];
	disagreements: Disagreement[];
	nextReviewDate: string | null;
	recommendation: EhcpRecommendation | null;
	amendments: Amendment[];
	lockedSections: MeetingSection[];
}

// ——— Seeds: what the server knows from casework when it creates the document ————————

export interface MeetingDocSeed {
	meetingId: string;
	childId: string;
	meetingType: string;
	agenda: { id?: string; title: string }[];
	attendees: {
		userId: string | null;
		name: string;
		role: string;
		agency: string;
		status?: AttendanceStatus;
	}[];
	contributions: {
		authorUserId: string | null;
		authorName: string;
		role: string;
		agency: string;
		submittedAt: string | null;
		text: string;
	}[];
	carriedActions: CarriedActionSeed[];
	/** What the child sent through their own links before the meeting. */
	childVoice?: ChildVoiceInput[];
	/** The child's current plan, whose outcomes and provision the review starts from. */
	plan?: PlanSeed | null;
	/** When the document was created (ISO date-time); defaults to now. */
	now?: string;
}

/**
 * The plan version a review starts from. Its outcomes keep their ids in the document, so
 * progress scored at this review joins each outcome's history, and carried actions still
 * point at their outcome.
 */
export interface PlanSeed {
	versionId: string;
	outcomes: PlanOutcome[];
	provision: PlanProvision[];
}

/** An open action of an earlier meeting, carried into this one. */
export interface CarriedActionSeed {
	actionId: string;
	meetingId: string;
	firstRaisedAt: string;
	text: string;
	ownerUserId: string | null;
	ownerAgency: string;
	dueDate: string | null;
	status: ActionStatus;
	outcomeId: string | null;
	/** The earlier action's own history, kept so the trail is unbroken. */
	history: ActionHistoryEntry[];
}

/** Who is making a change, for the actions' history trail. */
export interface ChangeAuthor {
	userId: string | null;
	/** Defaults to now. */
	at?: Date;
}
