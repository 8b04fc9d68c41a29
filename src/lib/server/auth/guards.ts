import { error, redirect } from '@sveltejs/kit';
import { can, loadActor, type Action, type Actor, type Resource } from '../policy.ts';
import type { SessionUser } from './session.ts';

interface GuardContext {
	locals: App.Locals;
	url: URL;
}

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export function requireUser({ locals, url }: GuardContext): SessionUser {
	if (!locals.user) {
		redirect(303, `/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return locals.user;
}

export async function requireActor(context: GuardContext): Promise<Actor> {
	const user = requireUser(context);
	return loadActor(context.locals.db, user.id);
}

/**
 * Stops the request unless the policy allows it. Resources the actor may not see answer
 * 404, not 403, so that nobody can learn which children exist.
 */
export function authorise(actor: Actor, action: Action, resource: Resource, hide = true): void {
	if (can(actor, action, resource)) return;
	if (hide && !can(actor, viewActionFor(resource), resource)) error(404, 'Not found');
	error(403, 'You do not have permission to do that.');
}

function viewActionFor(resource: Resource): Action {
	if (resource.type === 'meeting') return 'meeting.view';
	if (resource.type === 'child') return 'child.view';
	return 'organisation.manage';
}
