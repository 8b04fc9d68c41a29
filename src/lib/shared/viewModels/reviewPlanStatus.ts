import type { LaDecisionKind } from '../domain/plan/laDecisions.ts';

/** What a review did to the child's plan, for its meeting page. */
export interface ReviewPlanStatus {
	decision: {
		decision: LaDecisionKind;
		label: string;
		decidedOn: string;
		note: string;
		recordedByName: string | null;
	} | null;
	/** The latest version this review made, proposed or adopted, if it made one. */
	version: { version: number; state: string; summary: string } | null;
}
