/** The kind of plan a child has (labels in labels.ts). */
export const PLAN_TYPES = ['ehcp', 'sen_support', 'early_help'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];
