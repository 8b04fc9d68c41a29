import { and, eq } from 'drizzle-orm';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import type { Database } from '../../db/client.ts';
import { children, laDecisions, meetings, planVersions } from '../../db/schema.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	isMeetingDocEmpty,
	readMeetingDoc,
	type MeetingDocSnapshot
} from '../../../shared/collab/meetingDoc.ts';
import {
	countPlanChanges,
	describePlanChanges,
	hasChanges,
	planAfterReview,
	type ReviewedPlanParts
} from '../../../shared/domain/plan/planChanges.ts';
import { isEhcpReview } from '../../../shared/domain/timeline.ts';
import { formatUkDate, ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import {
	currentPlanContent,
	insertPlanVersion,
	lockPlan,
	setVersionState
} from './planVersions.ts';

/**
 * When a review closes, what it agreed flows back into the child's plan: its outcomes
 * (those carried keep their ids), provision and, for a Team Around the Family plan, its
 * three columns. A SEN support or Team Around the Family review changes the plan at once.
 * An EHCP review only proposes: the local authority's decision adopts it (laDecision.ts).
 * Closing the same review again replaces its earlier proposal; a review already decided
 * by the local authority changes nothing more.
 */

export type ReviewPlanResult =
	| { recorded: 'adopted' | 'proposed'; versionId: string; summary: string }
	| { recorded: 'nothing'; reason: 'not_opened' | 'no_changes' | 'already_decided' };

export function reviewedParts(snapshot: MeetingDocSnapshot): ReviewedPlanParts {
	return {
		outcomes: snapshot.outcomes.map((outcome) => ({
			id: outcome.id,
			areaOfNeed: outcome.areaOfNeed,
			text: outcome.text.text,
			steps: outcome.steps.text
		})),
		provision: snapshot.provision.map((item) => ({
			id: item.id,
			text: item.text.text,
			providedBy: item.providedBy,
			frequency: item.frequency,
			authorName: item.authorName,
			date: item.date,
			reviewBy: item.reviewBy
		})),
		working: snapshot.workingAndWorries.working.text,
		notWorking: snapshot.workingAndWorries.notWorking.text,
		worries: snapshot.workingAndWorries.worries.text,
		amendments: snapshot.amendments.map((amendment) => ({
			section: amendment.section,
			text: amendment.text.text
		}))
	};
}

export async function recordPlanFromReview(
	db: Database,
	live: LiveDocuments,
	request: { meetingId: string; closedBy: string | null }
): Promise<ReviewPlanResult> {
	const [meeting] = await db
		.select({
			childId: meetings.childId,
			type: meetings.type,
			startsAt: meetings.startsAt,
			planType: children.planType
		})
		.from(meetings)
		.innerJoin(children, eq(children.id, meetings.childId))
		.where(eq(meetings.id, request.meetingId));
	if (!meeting) return { recorded: 'nothing', reason: 'not_opened' };
	const doc = await live.read(meetingDocumentName(request.meetingId));
	let parts: ReviewedPlanParts;
	try {
		// Nobody opened the meeting: it agreed nothing, and the plan stands.
		if (isMeetingDocEmpty(doc)) return { recorded: 'nothing', reason: 'not_opened' };
		parts = reviewedParts(readMeetingDoc(doc));
	} finally {
		doc.destroy();
	}
	const proposes = isEhcpReview(meeting.type);
	const reviewDate = formatUkDate(ukDateOf(meeting.startsAt));
	return db.transaction(async (tx) => {
		await lockPlan(tx, meeting.childId);
		const [decided] = await tx
			.select({ id: laDecisions.id })
			.from(laDecisions)
			.where(eq(laDecisions.meetingId, request.meetingId));
		if (decided) return { recorded: 'nothing', reason: 'already_decided' } as const;
		const earlierProposals = await tx
			.select({ id: planVersions.id })
			.from(planVersions)
			.where(
				and(eq(planVersions.meetingId, request.meetingId), eq(planVersions.state, 'proposed'))
			);
		for (const proposal of earlierProposals) await setVersionState(tx, proposal.id, 'set_aside');

		const current = await currentPlanContent(tx, meeting.childId);
		const next = planAfterReview(meeting.planType, current, parts);
		const counts = countPlanChanges(current, next);
		if (!hasChanges(counts)) return { recorded: 'nothing', reason: 'no_changes' } as const;
		const changes = describePlanChanges(counts);
		const summary = `${proposes ? 'Proposed' : 'Agreed'} at the review on ${reviewDate}: ${changes.charAt(0).toLowerCase()}${changes.slice(1)}`;
		const versionId = await insertPlanVersion(tx, {
			childId: meeting.childId,
			state: proposes ? 'proposed' : 'adopted',
			source: 'meeting',
			meetingId: request.meetingId,
			madeBy: request.closedBy,
			summary,
			content: next
		});
		return { recorded: proposes ? 'proposed' : 'adopted', versionId, summary } as const;
	});
}
