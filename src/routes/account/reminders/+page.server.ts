import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards.ts';
import { validateForm } from '$lib/server/forms.ts';
import {
	ReminderForm,
	setWantsReminders,
	wantsReminders
} from '$lib/server/services/account/reminderPreference.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		wanted: await wantsReminders(event.locals.db, user.id),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = validateForm(ReminderForm, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		await setWantsReminders(event.locals.db, user.id, form.data.reminders === 'on');
		redirect(303, '/account/reminders?saved');
	}
};
