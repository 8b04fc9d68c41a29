import type { MinutesChildVoice } from './childVoiceMinutes.ts';
import type { ActionStatus } from '../../shared/collab/meetingDoc.ts';

/**
 * The minutes of a meeting as plain, typed data: everything an export shows, already in
 * words (names, labels, UK dates), so that every format (HTML, PDF, DOCX, CSV, calendar)
 * renders the same content and a frozen version can be stored as JSON and hashed.
 *
 * Restricted content (social care, safeguarding, medical detail) is NOT part of Minutes:
 * it is kept apart in RestrictedMinutes, so that nothing can include it by accident.
 */

export const MINUTES_FORMAT_VERSION = 1;

export interface MinutesPerson {
	id: string;
	name: string;
	/** The team role in words: "Speech and language therapist (SaLT)". */
	role: string;
	agency: string;
}

export interface MinutesAttendee extends MinutesPerson {
	attendance: 'present' | 'not_recorded';
}

export interface MinutesContribution {
	id: string;
	authorName: string;
	role: string;
	agency: string;
	/** "12 March 2027", or null when not known. */
	submittedOn: string | null;
	text: string;
}

export interface MinutesColumn {
	text: string;
	/** 0–10, or null when the meeting did not score it. */
	scale: number | null;
}

export interface MinutesOutcome {
	id: string;
	/** 1-based, as the meeting numbered them. */
	number: number;
	areaOfNeed: string | null;
	text: string;
	steps: string;
	progress: number | null;
	evidence: string;
	/**
	 * Its scores at the child's earlier closed reviews, oldest first. Absent from minutes
	 * frozen before progress was followed, which still read as they were.
	 */
	earlier?: MinutesProgressPoint[];
}

export interface MinutesProgressPoint {
	/** yyyy-mm-dd, the review's UK date. */
	meetingDate: string;
	/** "5 March 2026". */
	dateText: string;
	score: number | null;
}

export interface MinutesProvision {
	id: string;
	text: string;
	providedBy: string;
	frequency: string;
	authorName: string;
	date: string | null;
	reviewBy: string | null;
}

export interface MinutesAction {
	id: string;
	number: number;
	text: string;
	ownerUserId: string | null;
	/** "No owner yet" when nobody owns it. */
	ownerName: string;
	agency: string;
	/** yyyy-mm-dd, for sorting and calendars. */
	dueDate: string | null;
	/** "15 February 2027", or "No due date". */
	dueDateText: string;
	status: ActionStatus;
	statusLabel: string;
	/** "Outcome 2: Aaron will ask for help…", or null. */
	outcome: string | null;
	/** "Carried forward from the meeting of 3 March 2026", or null. */
	carriedFrom: string | null;
	evidence: string;
}

export interface MinutesDisagreement {
	id: string;
	point: string;
	views: { id: string; heldBy: string; text: string }[];
}

export interface MinutesAmendment {
	id: string;
	section: string;
	text: string;
}

export interface MinutesEhcp {
	recommendation: 'maintain' | 'amend' | 'cease' | null;
	recommendationText: string;
	amendments: MinutesAmendment[];
	/** Statutory dates after the meeting (SEND Regulations 2014, reg. 20). */
	reportDue: string;
	laDecisionDue: string;
}

export interface Minutes {
	formatVersion: typeof MINUTES_FORMAT_VERSION;
	meeting: {
		id: string;
		type: string;
		typeLabel: string;
		/** ISO instant of the start. */
		startsAt: string;
		/** "Thursday 12 March 2027 at 10:00" (UK time). */
		when: string;
		location: string;
		chairName: string;
	};
	child: {
		/** The name the child is known by. */
		firstName: string;
		dateOfBirth: string;
		setting: string;
	};
	agenda: string[];
	attendees: MinutesAttendee[];
	apologies: MinutesPerson[];
	contributions: MinutesContribution[];
	childViews: string;
	/** What the child sent through their own link, in their own words. */
	childVoice: MinutesChildVoice[];
	familyViews: string;
	working: MinutesColumn;
	notWorking: MinutesColumn;
	worries: MinutesColumn;
	outcomes: MinutesOutcome[];
	provision: MinutesProvision[];
	decisions: { id: string; text: string }[];
	disagreements: MinutesDisagreement[];
	actions: MinutesAction[];
	nextReview: string | null;
	ehcp: MinutesEhcp | null;
}

export interface RestrictedNoteMinutes {
	id: string;
	category: string;
	text: string;
	authorName: string;
	writtenOn: string | null;
}

export interface RestrictedMinutes {
	notes: RestrictedNoteMinutes[];
}

/** Which copy is exported, by whom and when; printed on every export. */
export interface ExportContext {
	/** null: a draft from the live document. */
	version: {
		number: number;
		closedByName: string;
		/** "Thursday 12 March 2027 at 11:00" (UK time). */
		closedAt: string;
		contentHash: string;
		restrictedHash: string | null;
	} | null;
	exportedByName: string;
	/** "Thursday 12 March 2027 at 11:05" (UK time). */
	exportedAt: string;
}
