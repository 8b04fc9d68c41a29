/** The local authority's decision after an EHCP (Education, Health and Care plan) review. */
export const LA_DECISIONS = ['maintain', 'amend', 'cease'] as const;
export type LaDecisionKind = (typeof LA_DECISIONS)[number];

export const LA_DECISION_LABELS: Record<LaDecisionKind, string> = {
	maintain: 'Keep the plan as it is',
	amend: 'Amend the plan',
	cease: 'Stop maintaining the plan'
};

/** The decision as a sentence part: "decided to amend the plan". */
export const LA_DECISION_PAST: Record<LaDecisionKind, string> = {
	maintain: 'decided to keep the plan as it is',
	amend: 'decided to amend the plan',
	cease: 'decided to stop maintaining the plan'
};

export function isLaDecision(value: string): value is LaDecisionKind {
	return (LA_DECISIONS as readonly string[]).includes(value);
}
