import { fail, redirect } from '@sveltejs/kit';
import { parseChildForm } from '$lib/server/services/children/childForm.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import { updateChild } from '$lib/server/services/children/updateChild.ts';
import { ukDateOf, ukDateParts } from '$lib/shared/domain/ukCalendar.ts';
import type { Actions, PageServerLoad } from './$types';
import { yearGroupOn } from '$lib/shared/domain/yearGroups.ts';

export const load: PageServerLoad = async (event) => {
	const { child } = await requireChild(event, 'child.edit');
	const dateOfBirth = ukDateParts(child.dateOfBirth);
	return {
		child: { id: child.id, firstName: child.firstName, preferredName: child.preferredName },
		values: {
			text: {
				firstName: child.firstName,
				lastName: child.lastName,
				preferredName: child.preferredName ?? '',
				strengths: child.strengths,
				'dateOfBirth-day': dateOfBirth.day,
				'dateOfBirth-month': dateOfBirth.month,
				'dateOfBirth-year': dateOfBirth.year,
				setting: child.setting,
				yearGroup:
					child.receptionYear === null
						? ''
						: String(yearGroupOn(child.receptionYear, ukDateOf(new Date()))),
				planType: child.planType
			},
			areasOfNeed: child.areasOfNeed as string[]
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, child } = await requireChild(event, 'child.edit');
		const form = parseChildForm(await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		await updateChild(event.locals.db, actor.id, child, form.data);
		redirect(303, `/children/${child.id}`);
	}
};
