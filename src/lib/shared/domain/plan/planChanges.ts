import type { PlanType } from '../planTypes.ts';
import type { PlanContent, PlanOutcome, PlanProvision } from './planContent.ts';

/**
 * What a closed review does to the child's plan. The meeting's document started from the
 * plan (outcomes and provision keep their ids), so the meeting's lists are the plan's new
 * lists: an outcome left out of them was ended at the review, one added is new.
 */

export interface ReviewedPlanParts {
	outcomes: PlanOutcome[];
	provision: PlanProvision[];
	/** The meeting's three columns, for a Team Around the Family plan. */
	working: string;
	notWorking: string;
	worries: string;
	/** Amendments an EHCP review proposed, by plan section. */
	amendments: { section: string | null; text: string }[];
}

const blank = (text: string) => text.trim() === '';

export function planAfterReview(
	planType: PlanType,
	current: PlanContent,
	review: ReviewedPlanParts
): PlanContent {
	const sections = { ...current.sections };
	if (planType === 'early_help') {
		// The review's columns are the plan's: what's working, worries, and what needs to
		// change (the meeting asks what is not working; the plan says what must happen).
		if (!blank(review.working)) sections.working = review.working.trim();
		if (!blank(review.worries)) sections.worries = review.worries.trim();
		if (!blank(review.notWorking)) sections.needsToHappen = review.notWorking.trim();
	}
	if (planType === 'ehcp') {
		for (const amendment of review.amendments) {
			if (amendment.section === null || blank(amendment.text)) continue;
			// Sections E and F are the outcome and provision lists, changed item by item.
			if (amendment.section === 'E' || amendment.section === 'F') continue;
			const before = sections[amendment.section]?.trim() ?? '';
			sections[amendment.section] = before
				? `${before}\n\n${amendment.text.trim()}`
				: amendment.text.trim();
		}
	}
	return {
		sections,
		outcomes: review.outcomes
			.filter((outcome) => !blank(outcome.text))
			.map((outcome) => ({ ...outcome, text: outcome.text.trim(), steps: outcome.steps.trim() })),
		provision: review.provision
			.filter((item) => !blank(item.text))
			.map((item) => ({ ...item, text: item.text.trim() }))
	};
}

export interface PlanChangeCounts {
	outcomesAdded: number;
	outcomesEnded: number;
	outcomesReworded: number;
	provisionAdded: number;
	provisionEnded: number;
	provisionChanged: number;
	sectionsChanged: number;
}

export function countPlanChanges(before: PlanContent, after: PlanContent): PlanChangeCounts {
	const beforeOutcomes = new Map(before.outcomes.map((outcome) => [outcome.id, outcome]));
	const afterOutcomes = new Map(after.outcomes.map((outcome) => [outcome.id, outcome]));
	const beforeProvision = new Map(before.provision.map((item) => [item.id, item]));
	const afterProvision = new Map(after.provision.map((item) => [item.id, item]));
	const keys = new Set([...Object.keys(before.sections), ...Object.keys(after.sections)]);
	return {
		outcomesAdded: after.outcomes.filter((outcome) => !beforeOutcomes.has(outcome.id)).length,
		outcomesEnded: before.outcomes.filter((outcome) => !afterOutcomes.has(outcome.id)).length,
		outcomesReworded: after.outcomes.filter((outcome) => {
			const earlier = beforeOutcomes.get(outcome.id);
			return earlier !== undefined && !sameOutcome(earlier, outcome);
		}).length,
		provisionAdded: after.provision.filter((item) => !beforeProvision.has(item.id)).length,
		provisionEnded: before.provision.filter((item) => !afterProvision.has(item.id)).length,
		provisionChanged: after.provision.filter((item) => {
			const earlier = beforeProvision.get(item.id);
			return earlier !== undefined && !sameProvision(earlier, item);
		}).length,
		sectionsChanged: [...keys].filter(
			(key) => (before.sections[key] ?? '').trim() !== (after.sections[key] ?? '').trim()
		).length
	};
}

export function sameOutcome(a: PlanOutcome, b: PlanOutcome): boolean {
	return a.text === b.text && a.steps === b.steps && a.areaOfNeed === b.areaOfNeed;
}

export function sameProvision(a: PlanProvision, b: PlanProvision): boolean {
	return (
		a.text === b.text &&
		a.providedBy === b.providedBy &&
		a.frequency === b.frequency &&
		a.reviewBy === b.reviewBy
	);
}

export function hasChanges(counts: PlanChangeCounts): boolean {
	return Object.values(counts).some((count) => count > 0);
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "1 outcome added, 1 ended; provision: 2 changed" — or "No changes". */
export function describePlanChanges(counts: PlanChangeCounts): string {
	const parts: string[] = [];
	const outcomes: string[] = [];
	if (counts.outcomesAdded) outcomes.push(`${counts.outcomesAdded} added`);
	if (counts.outcomesEnded) outcomes.push(`${counts.outcomesEnded} ended`);
	if (counts.outcomesReworded) outcomes.push(`${counts.outcomesReworded} reworded`);
	if (outcomes.length) parts.push(`outcomes: ${outcomes.join(', ')}`);
	const provision: string[] = [];
	if (counts.provisionAdded) provision.push(`${counts.provisionAdded} added`);
	if (counts.provisionEnded) provision.push(`${counts.provisionEnded} ended`);
	if (counts.provisionChanged) provision.push(`${counts.provisionChanged} changed`);
	if (provision.length) parts.push(`provision: ${provision.join(', ')}`);
	if (counts.sectionsChanged)
		parts.push(plural(counts.sectionsChanged, 'section changed', 'sections changed'));
	if (!parts.length) return 'No changes to the plan';
	const sentence = parts.join('; ');
	return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
