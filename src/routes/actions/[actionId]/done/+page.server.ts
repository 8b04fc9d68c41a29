import { error, fail, redirect } from '@sveltejs/kit';
import { authorise, requireActor, requireUser } from '$lib/server/auth/guards.ts';
import { validateForm } from '$lib/server/forms.ts';
import {
	actionResource,
	CompleteActionForm,
	completeAction,
	findActionToComplete
} from '$lib/server/services/actions/completeAction.ts';
import type { Actions, PageServerLoad } from './$types';

async function requireAction(event: {
	locals: App.Locals;
	url: URL;
	params: { actionId: string };
}) {
	const actor = await requireActor(event);
	const action = await findActionToComplete(event.locals.db, event.params.actionId);
	if (!action) error(404, 'Not found');
	authorise(actor, 'action.complete', actionResource(action));
	return { actor, action };
}

export const load: PageServerLoad = async (event) => {
	const { action } = await requireAction(event);
	return {
		action: { id: action.id, text: action.text, meetingId: action.meetingId },
		alreadyDone: action.status === 'done'
	};
};

const PROBLEMS = {
	not_found: 'This action no longer exists.',
	forbidden: 'Only the action’s owner or the meeting’s organiser can mark it as done.',
	already_done: 'This action has already been marked as done.',
	gone_from_meeting: 'This action has been removed from its meeting.'
} as const;

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const { actor, action } = await requireAction(event);
		const form = validateForm(CompleteActionForm, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const result = await completeAction(
			event.locals.db,
			event.locals.live,
			actor,
			{ id: user.id, name: user.name, email: user.email },
			action.id,
			form.data.evidence
		);
		if (!result.ok) {
			return fail(result.problem === 'forbidden' ? 403 : 400, {
				errors: { evidence: PROBLEMS[result.problem] },
				values: { evidence: form.data.evidence }
			});
		}
		redirect(303, `/actions?done=${encodeURIComponent(action.id)}`);
	}
};
