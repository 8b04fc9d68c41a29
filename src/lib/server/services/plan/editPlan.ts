import type { Database } from '../../db/client.ts';
import type { Actor } from '../../policy.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { newItemId } from '../../../shared/collab/docParts.ts';
import {
	countPlanChanges,
	describePlanChanges,
	hasChanges
} from '../../../shared/domain/plan/planChanges.ts';
import { PLAN_SECTIONS, type PlanContent } from '../../../shared/domain/plan/planContent.ts';
import type { PlanType } from '../../../shared/domain/planTypes.ts';
import { currentPlanContent, insertPlanVersion, lockPlan } from './planVersions.ts';

/**
 * A person editing the child's plan between reviews: typing in the plan the local
 * authority issued, rewording an outcome, or ending one. Each save is a new version
 * naming who made it and why; nothing earlier is changed.
 */

export const SECTION_MAX_LENGTH = 10_000;
export const OUTCOME_MAX_LENGTH = 2_000;
export const REASON_MAX_LENGTH = 500;

export type PlanEditErrors = Record<string, string>;

export type ParsedPlanEdit =
	{ ok: true; content: PlanContent; reason: string } | { ok: false; errors: PlanEditErrors };

const text = (form: FormData, name: string) => String(form.get(name) ?? '').replace(/\r\n/g, '\n');

/**
 * Reads the edit form against the current plan: only its sections and outcomes can be
 * changed (other ids are ignored), and one new outcome may be added.
 */
export function parsePlanEdit(
	planType: PlanType,
	current: PlanContent,
	form: FormData
): ParsedPlanEdit {
	const errors: PlanEditErrors = {};
	const sections: Record<string, string> = { ...current.sections };
	for (const section of PLAN_SECTIONS[planType]) {
		const value = text(form, `section-${section.key}`).trim();
		if (value.length > SECTION_MAX_LENGTH)
			errors[`section-${section.key}`] =
				`${section.title} can be at most ${SECTION_MAX_LENGTH.toLocaleString('en-GB')} characters.`;
		if (value) sections[section.key] = value;
		else delete sections[section.key];
	}
	const outcomes = current.outcomes.flatMap((outcome, index) => {
		if (form.get(`outcome-${outcome.id}-ended`) === 'yes') return [];
		const wording = text(form, `outcome-${outcome.id}-text`).trim();
		const steps = text(form, `outcome-${outcome.id}-steps`).trim();
		if (!wording)
			errors[`outcome-${outcome.id}-text`] = `Enter outcome ${index + 1}, or mark it as ended.`;
		if (wording.length > OUTCOME_MAX_LENGTH || steps.length > OUTCOME_MAX_LENGTH)
			errors[`outcome-${outcome.id}-text`] =
				`Outcome ${index + 1} can be at most ${OUTCOME_MAX_LENGTH.toLocaleString('en-GB')} characters.`;
		return [{ ...outcome, text: wording, steps }];
	});
	const added = text(form, 'new-outcome-text').trim();
	const addedSteps = text(form, 'new-outcome-steps').trim();
	if (added.length > OUTCOME_MAX_LENGTH)
		errors['new-outcome-text'] =
			`The new outcome can be at most ${OUTCOME_MAX_LENGTH.toLocaleString('en-GB')} characters.`;
	if (added) outcomes.push({ id: newItemId(), areaOfNeed: null, text: added, steps: addedSteps });
	const reason = text(form, 'reason').trim();
	if (reason.length > REASON_MAX_LENGTH)
		errors.reason = `The reason can be at most ${REASON_MAX_LENGTH} characters.`;
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, content: { sections, outcomes, provision: current.provision }, reason };
}

export type PlanEditResult =
	{ ok: true; versionId: string } | { ok: false; errors: PlanEditErrors };

export async function editPlan(
	db: Database,
	actor: Actor,
	child: { id: string; planType: PlanType },
	form: FormData
): Promise<PlanEditResult> {
	return db.transaction(async (tx) => {
		await lockPlan(tx, child.id);
		const current = await currentPlanContent(tx, child.id);
		const parsed = parsePlanEdit(child.planType, current, form);
		if (!parsed.ok) return parsed;
		const counts = countPlanChanges(current, parsed.content);
		if (!hasChanges(counts))
			return {
				ok: false,
				errors: { plan: 'Nothing has changed: the plan is as it was.' }
			} as const;
		const changes = describePlanChanges(counts);
		const versionId = await insertPlanVersion(tx, {
			childId: child.id,
			state: 'adopted',
			source: 'person',
			madeBy: actor.id,
			summary: parsed.reason ? `${changes}. Why: ${parsed.reason}` : changes,
			content: parsed.content
		});
		await recordAuditEvent(tx, {
			actorId: actor.id,
			action: 'child.planEdited',
			subjectType: 'child',
			subjectId: child.id,
			details: { versionId, ...counts }
		});
		return { ok: true, versionId } as const;
	});
}
