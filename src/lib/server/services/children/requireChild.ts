import { error } from '@sveltejs/kit';
import { authorise, requireActor } from '../../auth/guards.ts';
import type { Action, Actor } from '../../policy.ts';
import { recordRead, type ReadingRequest } from '../audit/recordRead.ts';
import { childResource, type ChildResource } from './childResource.ts';
import { findChild, type ChildRecord } from './findChild.ts';

export interface ChildAccess {
	actor: Actor;
	child: ChildRecord;
	resource: ChildResource;
}

/**
 * For routes under /children/[childId]: the signed-in actor and the child, once the
 * policy allows the action. Unknown, malformed and deleted ids, and children the actor
 * may not see, all answer 404 alike, so nobody can learn which children exist. A page or
 * file that is read (GET) is recorded in the audit trail.
 */
export async function requireChild(
	event: ReadingRequest & { locals: App.Locals; params: { childId?: string } },
	action: Action = 'child.view'
): Promise<ChildAccess> {
	const actor = await requireActor(event);
	const child = await findChild(event.locals.db, event.params.childId ?? '');
	if (!child) error(404, 'Not found');
	const resource = childResource(child);
	authorise(actor, action, resource);
	await recordRead(event, {
		actorId: actor.id,
		childId: child.id,
		organisationId: child.organisationId
	});
	return { actor, child, resource };
}
