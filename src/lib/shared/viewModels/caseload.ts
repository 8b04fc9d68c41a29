import type { MeetingType } from '../domain/meetingTypes.ts';
import type { DeadlineStatus } from '../domain/timeline.ts';
import type { PhaseTransfer } from '../domain/phaseTransfers.ts';

/** The coordinator's caseload as the home page shows it: one row per child. */

/** The columns the caseload can be sorted by (its column headings are the sort links). */
export const CASELOAD_SORTS = ['child', 'meeting', 'deadline', 'overdue'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export interface NextMeeting {
	id: string;
	type: MeetingType;
	startsAt: Date;
	status: string;
}

export interface NextDeadline {
	meetingId: string;
	ruleKey: string;
	title: string;
	dueDate: string;
	status: DeadlineStatus;
	statusText: string;
}

/** A move between phases of education coming up, flagged from the summer before. */
export interface TransferFlag {
	transfer: PhaseTransfer;
	/** The calendar year whose September the child moves. */
	year: number;
	/** By when the plan must be amended (YYYY-MM-DD). */
	deadline: string;
	/** A phase-transfer review is already booked for it. */
	reviewBooked: boolean;
}

export interface CaseloadRow {
	childId: string;
	name: string;
	setting: string;
	yearGroup: string | null;
	planType: string;
	nextMeeting: NextMeeting | null;
	nextDeadline: NextDeadline | null;
	openActions: number;
	overdueActions: number;
	transfer: TransferFlag | null;
}
