import { childVoiceForMinutes } from './childVoiceMinutes.ts';
import type * as Y from 'yjs';
import {
	readMeetingDoc,
	type Action,
	type MeetingDocSnapshot,
	type Outcome
} from '../../shared/collab/meetingDoc.ts';
import {
	readRestrictedDoc,
	RESTRICTED_CATEGORY_LABELS
} from '../../shared/collab/restrictedDoc.ts';
import { AREA_OF_NEED_LABELS, isAreaOfNeed } from '../../shared/domain/areasOfNeed.ts';
import { knownAs } from '../../shared/domain/childNames.ts';
import { labelFor, MEETING_TYPE_LABELS, TEAM_ROLE_LABELS } from '../../shared/domain/labels.ts';
import { computeTimeline, EHCP_REVIEW_TYPES } from '../../shared/domain/timeline.ts';
import {
	formatUkDateTime,
	formatUkShortDate,
	isCalendarDate,
	ukDateOf
} from '../../shared/domain/ukCalendar.ts';
import type { MeetingType } from '../../shared/domain/meetingTypes.ts';
import type { ScoredDate } from '../../shared/domain/plan/progress.ts';
import {
	ACTION_STATUS_LABELS,
	PLAN_SECTION_LABELS,
	RECOMMENDATION_LABELS
} from './minutesLabels.ts';
import {
	MINUTES_FORMAT_VERSION,
	type Minutes,
	type MinutesAction,
	type MinutesEhcp,
	type RestrictedMinutes
} from './minutesTypes.ts';

/**
 * Builds the minutes from the meeting's live document (read only through meetingDoc's
 * read functions) and the casework the document does not hold: the child, the meeting's
 * date, place and chair, and the names of the people it refers to by id. Pure: the same
 * document and casework always give the same minutes.
 */

export interface MinutesCasework {
	meeting: {
		id: string;
		type: MeetingType;
		startsAt: Date;
		location: string;
		chairName: string | null;
	};
	child: {
		firstName: string;
		preferredName: string | null;
		dateOfBirth: string;
		setting: string;
	};
	/** Names of everyone the document may refer to by user id (team, past members). */
	people: Record<string, string>;
	/** Dates (yyyy-mm-dd) of the child's meetings, for carried-forward actions. */
	meetingDates: Record<string, string>;
	/** Each outcome's scores at the child's earlier closed reviews, by outcome id. */
	earlierProgress?: Record<string, ScoredDate[]>;
}

/** "15 February 2027" for a real calendar date; null for anything else a peer wrote. */
function dateText(value: string | null): string | null {
	return value && isCalendarDate(value) ? formatUkShortDate(value) : null;
}

function firstLine(text: string, max = 80): string {
	const line = text.trim().split('\n')[0]?.trim() ?? '';
	return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function outcomeReference(outcomes: Outcome[], outcomeId: string | null): string | null {
	if (!outcomeId) return null;
	const index = outcomes.findIndex((outcome) => outcome.id === outcomeId);
	const outcome = outcomes[index];
	if (!outcome) return null;
	const summary = firstLine(outcome.text.text, 60);
	return summary ? `Outcome ${index + 1}: ${summary}` : `Outcome ${index + 1}`;
}

function personName(snapshot: MeetingDocSnapshot, casework: MinutesCasework, userId: string) {
	return (
		casework.people[userId] ??
		snapshot.attendance.find((attendee) => attendee.userId === userId)?.name ??
		'A former team member'
	);
}

function minutesAction(
	action: Action,
	index: number,
	snapshot: MeetingDocSnapshot,
	casework: MinutesCasework
): MinutesAction {
	const due = dateText(action.dueDate);
	const carriedDate = action.carriedFrom
		? (casework.meetingDates[action.carriedFrom.meetingId] ??
			ukDateOf(new Date(action.carriedFrom.firstRaisedAt)))
		: null;
	return {
		id: action.id,
		number: index + 1,
		text: action.text.text.trim(),
		ownerUserId: action.ownerUserId,
		ownerName: action.ownerUserId
			? personName(snapshot, casework, action.ownerUserId)
			: 'No owner yet',
		agency: action.ownerAgency,
		dueDate: due ? action.dueDate : null,
		dueDateText: due ?? 'No due date',
		status: action.status,
		statusLabel: ACTION_STATUS_LABELS[action.status],
		outcome: outcomeReference(snapshot.outcomes, action.outcomeId),
		carriedFrom:
			carriedDate && isCalendarDate(carriedDate)
				? `Carried forward from the meeting of ${formatUkShortDate(carriedDate)}`
				: null,
		evidence: action.evidence.text.trim()
	};
}

function ehcpPart(snapshot: MeetingDocSnapshot, casework: MinutesCasework): MinutesEhcp | null {
	if (!EHCP_REVIEW_TYPES.includes(casework.meeting.type)) return null;
	const deadlines = computeTimeline({
		type: casework.meeting.type,
		startsAt: casework.meeting.startsAt,
		transfer: null,
		childDateOfBirth: casework.child.dateOfBirth,
		completions: [],
		laterMeetings: [],
		now: casework.meeting.startsAt
	});
	const due = (key: string) => {
		const date = deadlines.find((deadline) => deadline.rule.key === key)?.dueDate;
		return date ? formatUkShortDate(date) : 'Not set';
	};
	return {
		recommendation: snapshot.recommendation,
		recommendationText: snapshot.recommendation
			? RECOMMENDATION_LABELS[snapshot.recommendation]
			: 'No recommendation recorded',
		amendments: snapshot.amendments.map((amendment) => ({
			id: amendment.id,
			section: amendment.section ? PLAN_SECTION_LABELS[amendment.section] : 'Section not chosen',
			text: amendment.text.text.trim()
		})),
		reportDue: due('report_sent'),
		laDecisionDue: due('la_decision')
	};
}

/** An outcome's earlier scores, left out when it has none so such minutes read as before. */
function earlierScores(casework: MinutesCasework, outcomeId: string) {
	const points = casework.earlierProgress?.[outcomeId] ?? [];
	if (points.length === 0) return {};
	return {
		earlier: points.map((point) => ({
			meetingDate: point.meetingDate,
			dateText: dateText(point.meetingDate) ?? point.meetingDate,
			score: point.score
		}))
	};
}

export function buildMinutes(doc: Y.Doc, casework: MinutesCasework): Minutes {
	const snapshot = readMeetingDoc(doc);
	const role = (code: string) => (code ? labelFor(TEAM_ROLE_LABELS, code) : '');
	const column = (text: string, scale: number | null) => ({ text: text.trim(), scale });
	const { working, notWorking, worries } = snapshot.workingAndWorries;
	return {
		formatVersion: MINUTES_FORMAT_VERSION,
		meeting: {
			id: casework.meeting.id,
			type: casework.meeting.type,
			typeLabel: labelFor(MEETING_TYPE_LABELS, casework.meeting.type),
			startsAt: casework.meeting.startsAt.toISOString(),
			when: formatUkDateTime(casework.meeting.startsAt),
			location: casework.meeting.location,
			chairName: casework.meeting.chairName ?? 'Not recorded'
		},
		child: {
			firstName: knownAs(casework.child),
			dateOfBirth: dateText(casework.child.dateOfBirth) ?? casework.child.dateOfBirth,
			setting: casework.child.setting
		},
		agenda: snapshot.agenda.items.map((item) => item.title.trim()).filter(Boolean),
		attendees: snapshot.attendance
			.filter((attendee) => attendee.status !== 'apologies')
			.map((attendee) => ({
				id: attendee.id,
				name: attendee.name,
				role: role(attendee.role),
				agency: attendee.agency,
				attendance: attendee.status === 'present' ? 'present' : 'not_recorded'
			})),
		apologies: snapshot.attendance
			.filter((attendee) => attendee.status === 'apologies')
			.map((attendee) => ({
				id: attendee.id,
				name: attendee.name,
				role: role(attendee.role),
				agency: attendee.agency
			})),
		contributions: snapshot.contributions.map((contribution) => ({
			id: contribution.id,
			authorName: contribution.authorName,
			role: role(contribution.role),
			agency: contribution.agency,
			submittedOn:
				contribution.submittedAt && !Number.isNaN(Date.parse(contribution.submittedAt))
					? formatUkShortDate(ukDateOf(new Date(contribution.submittedAt)))
					: null,
			text: contribution.text.text.trim()
		})),
		childViews: snapshot.childViews.text.trim(),
		childVoice: childVoiceForMinutes(snapshot.childVoice),
		familyViews: snapshot.familyViews.text.trim(),
		working: column(working.text, snapshot.workingAndWorries.workingScale),
		notWorking: column(notWorking.text, snapshot.workingAndWorries.notWorkingScale),
		worries: column(worries.text, snapshot.workingAndWorries.worriesScale),
		outcomes: snapshot.outcomes.map((outcome, index) => ({
			id: outcome.id,
			number: index + 1,
			areaOfNeed:
				outcome.areaOfNeed && isAreaOfNeed(outcome.areaOfNeed)
					? AREA_OF_NEED_LABELS[outcome.areaOfNeed]
					: null,
			text: outcome.text.text.trim(),
			steps: outcome.steps.text.trim(),
			progress: outcome.progress,
			evidence: outcome.evidence.text.trim(),
			...earlierScores(casework, outcome.id)
		})),
		provision: snapshot.provision.map((item) => ({
			id: item.id,
			text: item.text.text.trim(),
			providedBy: item.providedBy,
			frequency: item.frequency,
			authorName: item.authorName,
			date: dateText(item.date),
			reviewBy: dateText(item.reviewBy)
		})),
		decisions: snapshot.decisions.map((decision) => ({
			id: decision.id,
			text: decision.text.text.trim()
		})),
		disagreements: snapshot.disagreements.map((disagreement) => ({
			id: disagreement.id,
			point: disagreement.point.text.trim(),
			views: disagreement.views.map((view) => ({
				id: view.id,
				heldBy: view.heldByUserId
					? personName(snapshot, casework, view.heldByUserId)
					: view.heldByName || 'Not recorded',
				text: view.text.text.trim()
			}))
		})),
		actions: snapshot.actions.map((action, index) =>
			minutesAction(action, index, snapshot, casework)
		),
		nextReview: dateText(snapshot.nextReviewDate),
		ehcp: ehcpPart(snapshot, casework)
	};
}

/** The restricted companion document's notes, for exports by people allowed to read them. */
export function buildRestrictedMinutes(doc: Y.Doc): RestrictedMinutes {
	return {
		notes: readRestrictedDoc(doc).notes.map((note) => ({
			id: note.id,
			category: note.category ? RESTRICTED_CATEGORY_LABELS[note.category] : 'Restricted',
			text: note.text.trim(),
			authorName: note.authorName,
			writtenOn:
				note.createdAt && !Number.isNaN(Date.parse(note.createdAt))
					? formatUkShortDate(ukDateOf(new Date(note.createdAt)))
					: null
		}))
	};
}
