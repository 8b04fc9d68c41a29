import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { laDecisions, planVersions, users } from '../../db/schema.ts';
import { LA_DECISION_LABELS } from '../../../shared/domain/plan/laDecisions.ts';
import type { ReviewPlanStatus } from '../../../shared/viewModels/reviewPlanStatus.ts';
import { formatUkDate } from '../../../shared/domain/ukCalendar.ts';

/** What a review did to the child's plan, and the LA's decision on it, for its meeting page. */
export async function loadReviewPlanStatus(
	db: Database,
	meetingId: string
): Promise<ReviewPlanStatus> {
	const [[decision], [version]] = await Promise.all([
		db
			.select({
				decision: laDecisions.decision,
				decidedOn: laDecisions.decidedOn,
				note: laDecisions.note,
				recordedByName: users.name
			})
			.from(laDecisions)
			.leftJoin(users, eq(users.id, laDecisions.recordedBy))
			.where(eq(laDecisions.meetingId, meetingId)),
		db
			.select({
				version: planVersions.version,
				state: planVersions.state,
				summary: planVersions.summary
			})
			.from(planVersions)
			.where(
				and(
					eq(planVersions.meetingId, meetingId),
					inArray(planVersions.state, ['proposed', 'adopted', 'accepted'])
				)
			)
			.orderBy(desc(planVersions.version))
			.limit(1)
	]);
	return {
		decision: decision
			? {
					...decision,
					label: LA_DECISION_LABELS[decision.decision],
					decidedOn: formatUkDate(decision.decidedOn)
				}
			: null,
		version: version ?? null
	};
}
