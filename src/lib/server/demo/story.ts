import type { EhcpPlanSection, EhcpRecommendation } from '../../shared/collab/meetingDoc.ts';
import type { RestrictedCategory } from '../../shared/collab/restrictedDoc.ts';
import type { ActionStatus } from '../../shared/domain/actionStatuses.ts';
import type { AreaOfNeed } from '../../shared/domain/areasOfNeed.ts';
import type { LaDecisionKind } from '../../shared/domain/plan/laDecisions.ts';
import type { MeetingType } from '../../shared/domain/meetingTypes.ts';
import type { PlanType } from '../../shared/domain/planTypes.ts';
import type { RsvpResponse } from '../../shared/domain/rsvp.ts';
import type { PhaseTransfer } from '../../shared/domain/phaseTransfers.ts';
import {
	previousWeekday,
	shiftDate,
	ukDateOf,
	type CalendarDate
} from '../../shared/domain/ukCalendar.ts';
import type { DemoOrganisationKey, DemoPersonKey } from './people.ts';

/**
 * The shape of one demo child's story (./stories): the child and their team, the advice
 * on their record, and their meetings with what each held meeting recorded. Dates are
 * relative — advice to the seeding day, meetings to the seeding day, minutes to their
 * meeting — so the demo looks current whenever it is seeded.
 */

export interface DemoStory {
	child: DemoChild;
	advice: DemoAdvice[];
	/** Oldest first, dated from the seeding day (a UK calendar date). */
	meetings: (today: CalendarDate) => DemoMeeting[];
}

export interface DemoTeamMember {
	person: DemoPersonKey;
	teamRole: string;
	agency: string;
}

export interface DemoChild {
	firstName: string;
	lastName: string;
	/** Fixed date, or months before the seeding day for a child whose age matters. */
	dateOfBirth: string | { monthsAgo: number } | ((today: CalendarDate) => CalendarDate);
	setting: string;
	/** The year group on the seeding day (Reception 0, Year 1 = 1 …): stored as a cohort. */
	yearGroup: number | null | ((today: CalendarDate) => number);
	planType: PlanType;
	organisation: DemoOrganisationKey;
	strengths: string;
	areasOfNeed: AreaOfNeed[];
	team: DemoTeamMember[];
}

/** Professional advice, dated relative to the seeding day. */
export interface DemoAdvice {
	title: string;
	authorName: string;
	agency: string;
	givenMonthsAgo: number;
	/** Months from the seeding day to the review-by date; negative when it has passed. */
	reviewInMonths: number | null;
	text: string;
	/** The demo person who added it. */
	addedBy: DemoPersonKey;
}

export interface DemoInvitee {
	person: DemoPersonKey;
	/** No answer yet when left out. */
	rsvp?: RsvpResponse;
	contribution?: string;
}

export interface DemoMeeting {
	type: MeetingType;
	date: CalendarDate;
	/** UK time; 10:00 when left out. */
	time?: string;
	durationMinutes?: number;
	location: string;
	onlineLink?: string;
	chair: DemoPersonKey;
	transfer?: PhaseTransfer;
	invitees: DemoInvitee[];
	/** Deadlines recorded as done; "all" for every rule of the meeting type. */
	done: string[] | 'all';
	doneBy: DemoPersonKey;
	/** What the meeting recorded, for one that has been held and closed; null if to come. */
	minutes: DemoMinutes | null;
}

export interface DemoAction {
	text: string;
	owner: DemoPersonKey;
	/** Days from the meeting. */
	dueInDays: number;
	status: ActionStatus;
	evidence?: string;
	/** Linked to the meeting's outcome. */
	forOutcome?: boolean;
}

/** What a closed meeting recorded; each column is its text and its scale (0–10). */
export interface DemoMinutes {
	childViews: string;
	familyViews: string;
	working: [string, number];
	notWorking: [string, number];
	worries: [string, number];
	/**
	 * The outcomes reviewed. The same key in a later meeting is the same outcome, carried
	 * from the child's plan with its id; an outcome of the plan left out here was ended.
	 * Actions "for the outcome" serve the first.
	 */
	outcomes: DemoOutcome[];
	provision: { text: string; providedBy: string; frequency: string; author: DemoPersonKey };
	actions: DemoAction[];
	decisions: string[];
	disagreement?: { point: string; views: [person: DemoPersonKey, view: string][] };
	/** Days from the meeting to the next review. */
	nextReviewInDays: number;
	recommendation?: EhcpRecommendation;
	amendments?: [EhcpPlanSection, string][];
	restricted?: { category: RestrictedCategory; author: DemoPersonKey; text: string }[];
	/** An action carried from the previous meeting is now under way. */
	carriedInProgress?: boolean;
	/** For an EHCP review: the local authority's decision, once made. */
	laDecision?: { decision: LaDecisionKind; inDays: number; by: DemoPersonKey; note: string };
}

export interface DemoOutcome {
	key: string;
	area: AreaOfNeed;
	text: string;
	steps: string;
	progress: number;
	evidence: string;
}

/** The day `days` from today in the UK, moved back to a Friday if it is a weekend. */
export function weekdayFrom(today: CalendarDate, days: number): CalendarDate {
	return previousWeekday(shiftDate(today, { days }));
}

/** The whole team invited and attending, except for the answers given. */
export function everyone(
	team: DemoTeamMember[],
	answers: Partial<Record<DemoPersonKey, RsvpResponse>> = {}
): DemoInvitee[] {
	return team.map(({ person }) => ({ person, rsvp: answers[person] ?? 'attending' }));
}

/** The child's date of birth as seeded on `now` (fixed, or relative to the seeding day). */
export function demoDateOfBirth(child: DemoChild, now: Date): string {
	if (typeof child.dateOfBirth === 'string') return child.dateOfBirth;
	if (typeof child.dateOfBirth === 'function') return child.dateOfBirth(ukDateOf(now));
	const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
	date.setUTCMonth(date.getUTCMonth() - child.dateOfBirth.monthsAgo);
	return date.toISOString().slice(0, 10);
}
