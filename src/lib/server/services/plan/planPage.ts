import type { Database } from '../../db/client.ts';
import type { PlanVersionSource, PlanVersionState } from '../../db/schema.ts';
import { LA_DECISION_LABELS } from '../../../shared/domain/plan/laDecisions.ts';
import type { PlanContent } from '../../../shared/domain/plan/planContent.ts';
import { formatUkShortDate, ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import { loadLaDecisions, loadPlanVersions, type PlanVersion } from './planVersions.ts';

/** The child's plan as its page shows it: the current version, proposals, decisions, history. */

export interface PlanVersionView {
	id: string;
	version: number;
	state: PlanVersionState;
	stateLabel: string;
	source: PlanVersionSource;
	/** What made it, in words: the summary, and who or what. */
	summary: string;
	madeBy: string;
	madeOn: string;
	meetingId: string | null;
	content: PlanContent;
}

export const VERSION_STATE_LABELS: Record<PlanVersionState, string> = {
	adopted: 'The plan',
	proposed: 'Proposed, waiting for the local authority’s decision',
	accepted: 'Proposed, then adopted by the local authority',
	set_aside: 'Proposed, not adopted'
};

function madeBy(version: PlanVersion): string {
	switch (version.source) {
		case 'meeting':
			return `Closed by ${version.madeByName ?? 'someone no longer in Coplan'}`;
		case 'la_decision':
			return `Recorded by ${version.madeByName ?? 'someone no longer in Coplan'}`;
		case 'person':
			return `Edited by ${version.madeByName ?? 'someone no longer in Coplan'}`;
	}
}

export function versionView(version: PlanVersion): PlanVersionView {
	return {
		id: version.id,
		version: version.version,
		state: version.state,
		stateLabel: VERSION_STATE_LABELS[version.state],
		source: version.source,
		summary: version.summary,
		madeBy: madeBy(version),
		madeOn: formatUkShortDate(ukDateOf(version.createdAt)),
		meetingId: version.meetingId,
		content: version.content
	};
}

export interface PlanPage {
	current: PlanVersionView | null;
	proposed: PlanVersionView[];
	versions: PlanVersionView[];
	decisions: {
		id: string;
		meetingId: string;
		decision: string;
		decidedOn: string;
		note: string;
		recordedByName: string | null;
	}[];
}

export async function loadPlanPage(db: Database, childId: string): Promise<PlanPage> {
	const [versions, decisions] = await Promise.all([
		loadPlanVersions(db, childId),
		loadLaDecisions(db, childId)
	]);
	const views = versions.map(versionView);
	return {
		current: views.find((version) => version.state === 'adopted') ?? null,
		proposed: views.filter((version) => version.state === 'proposed'),
		versions: views,
		decisions: decisions.map((decision) => ({
			...decision,
			decision: LA_DECISION_LABELS[decision.decision],
			decidedOn: formatUkShortDate(decision.decidedOn)
		}))
	};
}
