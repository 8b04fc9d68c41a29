import { and, eq, exists } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { actions, teamMembers } from '../../db/schema.ts';
import type { OpenAction } from '../../../shared/viewModels/actions.ts';
import { dueGroup, listOpenActions } from './openActions.ts';

/**
 * "Your actions": the open actions a person owns across every child whose team they are
 * in, grouped as overdue, due this week (the next 7 days) and later.
 */

export interface MyActions {
	overdue: OpenAction[];
	dueThisWeek: OpenAction[];
	later: OpenAction[];
}

export async function listMyActions(
	db: Database,
	userId: string,
	now = new Date()
): Promise<MyActions> {
	const owned = await listOpenActions(
		db,
		and(
			eq(actions.ownerId, userId),
			// Only for children whose team they are still in: the policy's rule for owners.
			exists(
				db
					.select({ userId: teamMembers.userId })
					.from(teamMembers)
					.where(and(eq(teamMembers.childId, actions.childId), eq(teamMembers.userId, userId)))
			)
		),
		now
	);
	const groups: MyActions = { overdue: [], dueThisWeek: [], later: [] };
	for (const action of owned) groups[dueGroup(action.dueDate, now)].push(action);
	return groups;
}
