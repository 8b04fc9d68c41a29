/**
 * The four broad areas of need from the SEND Code of Practice (6.28–6.35). Stored as codes
 * in children.areasOfNeed; shown with these labels.
 */
export const AREAS_OF_NEED = [
	'communication_interaction',
	'cognition_learning',
	'social_emotional_mental_health',
	'sensory_physical'
] as const;
export type AreaOfNeed = (typeof AREAS_OF_NEED)[number];

export const AREA_OF_NEED_LABELS: Record<AreaOfNeed, string> = {
	communication_interaction: 'Communication and interaction',
	cognition_learning: 'Cognition and learning',
	social_emotional_mental_health: 'Social, emotional and mental health',
	sensory_physical: 'Sensory and/or physical'
};

export function isAreaOfNeed(value: string): value is AreaOfNeed {
	return (AREAS_OF_NEED as readonly string[]).includes(value);
}
