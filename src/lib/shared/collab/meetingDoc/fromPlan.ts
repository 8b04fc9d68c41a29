import type * as Y from 'yjs';
import { addOutcome, addProvision } from './change.ts';
import { change } from './changeHelpers.ts';
import { readOutcomes, readProvision } from './read.ts';
import { metaMap } from './shape.ts';
import type { PlanSeed } from './types.ts';

/**
 * A review starts from the child's plan: its outcomes (with their ids) ready to score and
 * its provision ready to review. The document remembers which plan version it started
 * from and which items that version held, so a later version (a review closed, or the
 * local authority's decision, after this document was made) adds only what is new to it,
 * and never brings back an item someone removed in this meeting.
 */

const PLAN_VERSION = 'planVersionId';
const PLAN_ITEMS = 'planItemIds';

function seededItemIds(doc: Y.Doc): Set<string> {
	const stored = metaMap(doc).get(PLAN_ITEMS);
	return new Set(Array.isArray(stored) ? stored.filter((id) => typeof id === 'string') : []);
}

export function startFromPlan(doc: Y.Doc, plan: PlanSeed): void {
	applyPlan(doc, plan);
}

/** Adds what a newer plan version holds that this document has not seen; returns how many. */
export function catchUpWithPlan(doc: Y.Doc, plan: PlanSeed): number {
	if (metaMap(doc).get(PLAN_VERSION) === plan.versionId) return 0;
	return applyPlan(doc, plan);
}

function applyPlan(doc: Y.Doc, plan: PlanSeed): number {
	return change(doc, () => {
		const seen = seededItemIds(doc);
		const outcomeIds = new Set(readOutcomes(doc).map((outcome) => outcome.id));
		const provisionIds = new Set(readProvision(doc).map((item) => item.id));
		let added = 0;
		for (const outcome of plan.outcomes) {
			if (seen.has(outcome.id) || outcomeIds.has(outcome.id)) continue;
			addOutcome(
				doc,
				{ areaOfNeed: outcome.areaOfNeed, text: outcome.text, steps: outcome.steps },
				outcome.id
			);
			added += 1;
		}
		for (const item of plan.provision) {
			if (seen.has(item.id) || provisionIds.has(item.id)) continue;
			addProvision(
				doc,
				{
					text: item.text,
					providedBy: item.providedBy,
					frequency: item.frequency,
					authorUserId: null,
					authorName: item.authorName,
					date: item.date,
					reviewBy: item.reviewBy
				},
				item.id
			);
			added += 1;
		}
		const ids = [...seen, ...plan.outcomes.map((o) => o.id), ...plan.provision.map((p) => p.id)];
		metaMap(doc).set(PLAN_VERSION, plan.versionId);
		metaMap(doc).set(PLAN_ITEMS, [...new Set(ids)]);
		return added;
	});
}
