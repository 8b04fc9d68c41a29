import { and, eq } from 'drizzle-orm';
import { loadMeetingForAccess, meetingResource } from '../../collab/documentAccess.ts';
import type { Database } from '../../db/client.ts';
import { laDecisions, meetings, planVersions } from '../../db/schema.ts';
import { can, type Actor } from '../../policy.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import {
	LA_DECISION_PAST,
	isLaDecision,
	type LaDecisionKind
} from '../../../shared/domain/plan/laDecisions.ts';
import { isEhcpReview } from '../../../shared/domain/timeline.ts';
import { parseDateParts } from '../../../shared/domain/dateParts.ts';
import { formatUkDate, isCalendarDate, ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import { insertPlanVersion, lockPlan, setVersionState } from './planVersions.ts';

/**
 * Recording the local authority's decision after an EHCP review. "Amend" makes what the
 * review proposed the child's plan, as a new version that names the decision; "keep as it
 * is" and "stop maintaining" set the proposal aside. The statutory timeline then follows
 * the decision (shared/domain/timeline.ts).
 */

export const LA_DECISION_NOTE_MAX_LENGTH = 2000;

export interface LaDecisionInput {
	decision: string;
	decidedOn: string;
	note: string;
}

export type LaDecisionProblem =
	'not_found' | 'forbidden' | 'not_an_ehcp_review' | 'not_closed' | 'already_recorded';

export type LaDecisionFieldErrors = Partial<Record<keyof LaDecisionInput, string>>;

export type LaDecisionResult =
	| { ok: true; decision: LaDecisionKind; planVersionId: string | null }
	| { ok: false; problem: LaDecisionProblem }
	| { ok: false; problem: 'invalid'; errors: LaDecisionFieldErrors };

export const LA_DECISION_REFUSALS: Record<Exclude<LaDecisionProblem, 'invalid'>, string> = {
	not_found: 'That meeting does not exist.',
	forbidden: 'Only the people who organise this child’s meetings can record the decision.',
	not_an_ehcp_review: 'Only an EHCP review ends in a local authority decision.',
	not_closed: 'The decision can be recorded once the meeting is closed.',
	already_recorded: 'The local authority’s decision on this review has already been recorded.'
};

/** The form as posted: the decision, a GOV.UK date input named decidedOn, and a note. */
export function laDecisionFromForm(
	form: FormData,
	now = new Date()
): {
	input: LaDecisionInput;
	dateError: string | null;
	values: Record<string, string>;
} {
	const field = (name: string) => String(form.get(name) ?? '');
	const parts = {
		day: field('decidedOn-day'),
		month: field('decidedOn-month'),
		year: field('decidedOn-year')
	};
	const date = parseDateParts(parts, {
		label: 'The date of the decision',
		required: 'Enter the date of the decision',
		notInFuture: true,
		now
	});
	return {
		input: {
			decision: field('decision'),
			decidedOn: date.ok ? (date.date ?? '') : '',
			note: field('note')
		},
		dateError: date.ok ? null : date.message,
		values: {
			decision: field('decision'),
			note: field('note'),
			'decidedOn-day': parts.day,
			'decidedOn-month': parts.month,
			'decidedOn-year': parts.year
		}
	};
}

export function validateLaDecision(
	input: LaDecisionInput,
	meetingDate: string,
	today: string
): LaDecisionFieldErrors {
	const errors: LaDecisionFieldErrors = {};
	if (!isLaDecision(input.decision)) errors.decision = 'Choose what the local authority decided.';
	if (!isCalendarDate(input.decidedOn)) {
		errors.decidedOn = 'Enter the date of the decision, for example 27 3 2026.';
	} else if (input.decidedOn < meetingDate) {
		errors.decidedOn = `The decision follows the review, so it cannot be before ${formatUkDate(meetingDate)}.`;
	} else if (input.decidedOn > today) {
		errors.decidedOn = 'The decision date cannot be in the future.';
	}
	if (input.note.length > LA_DECISION_NOTE_MAX_LENGTH)
		errors.note = `The note can be at most ${LA_DECISION_NOTE_MAX_LENGTH} characters.`;
	return errors;
}

export async function recordLaDecision(
	db: Database,
	actor: Actor,
	meetingId: string,
	input: LaDecisionInput,
	now = new Date()
): Promise<LaDecisionResult> {
	const meeting = await loadMeetingForAccess(db, meetingId);
	if (!meeting) return { ok: false, problem: 'not_found' };
	if (!can(actor, 'meeting.trackDeadlines', meetingResource(meeting)))
		return { ok: false, problem: 'forbidden' };
	const [details] = await db
		.select({ type: meetings.type, startsAt: meetings.startsAt })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	if (!details) return { ok: false, problem: 'not_found' };
	if (!isEhcpReview(details.type)) return { ok: false, problem: 'not_an_ehcp_review' };
	if (meeting.status !== 'closed') return { ok: false, problem: 'not_closed' };
	const meetingDate = ukDateOf(details.startsAt);
	const errors = validateLaDecision(input, meetingDate, ukDateOf(now));
	if (Object.keys(errors).length > 0 || !isLaDecision(input.decision))
		return { ok: false, problem: 'invalid', errors };
	const decision = input.decision;
	const note = input.note.trim();

	return db.transaction(async (tx) => {
		await lockPlan(tx, meeting.childId);
		const [existing] = await tx
			.select({ id: laDecisions.id })
			.from(laDecisions)
			.where(eq(laDecisions.meetingId, meetingId));
		if (existing) return { ok: false, problem: 'already_recorded' } as const;
		const [row] = await tx
			.insert(laDecisions)
			.values({
				childId: meeting.childId,
				meetingId,
				decision,
				decidedOn: input.decidedOn,
				note,
				recordedBy: actor.id
			})
			.returning({ id: laDecisions.id });
		if (!row) throw new Error('The decision was not written');
		const [proposal] = await tx
			.select({ id: planVersions.id, content: planVersions.content })
			.from(planVersions)
			.where(and(eq(planVersions.meetingId, meetingId), eq(planVersions.state, 'proposed')));
		let planVersionId: string | null = null;
		if (proposal) {
			await setVersionState(tx, proposal.id, decision === 'amend' ? 'accepted' : 'set_aside');
			if (decision === 'amend') {
				planVersionId = await insertPlanVersion(tx, {
					childId: meeting.childId,
					state: 'adopted',
					source: 'la_decision',
					meetingId,
					laDecisionId: row.id,
					madeBy: actor.id,
					summary: `The local authority ${LA_DECISION_PAST.amend} on ${formatUkDate(input.decidedOn)}, as the review on ${formatUkDate(meetingDate)} proposed`,
					content: proposal.content
				});
			}
		}
		await recordAuditEvent(tx, {
			actorId: actor.id,
			action: 'meeting.laDecisionRecorded',
			subjectType: 'meeting',
			subjectId: meetingId,
			childId: meeting.childId,
			details: { decision, decidedOn: input.decidedOn, planVersionId }
		});
		return { ok: true, decision, planVersionId } as const;
	});
}
