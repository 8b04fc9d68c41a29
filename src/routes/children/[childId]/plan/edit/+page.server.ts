import { fail, redirect } from '@sveltejs/kit';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import { editPlan } from '$lib/server/services/plan/editPlan.ts';
import { currentPlanContent } from '$lib/server/services/plan/planVersions.ts';
import type { PlanType } from '$lib/shared/domain/planTypes.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { child } = await requireChild(event, 'child.edit');
	return { child, content: await currentPlanContent(event.locals.db, child.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, child } = await requireChild(event, 'child.edit');
		const form = await event.request.formData();
		const result = await editPlan(
			event.locals.db,
			actor,
			{ id: child.id, planType: child.planType as PlanType },
			form
		);
		if (!result.ok) {
			return fail(400, {
				errors: result.errors,
				values: Object.fromEntries([...form.entries()].map(([key, value]) => [key, String(value)]))
			});
		}
		redirect(303, `/children/${child.id}/plan?done=edited`);
	}
};
