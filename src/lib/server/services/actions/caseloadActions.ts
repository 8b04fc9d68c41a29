import { and, asc, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { actions, children } from '../../db/schema.ts';
import { can, type Actor } from '../../policy.ts';
import { childResource } from '../children/childResource.ts';
import type { OpenAction } from '../../../shared/viewModels/actions.ts';
import { listOpenActions } from './openActions.ts';

/**
 * A coordinator's view of follow-through: every open action on the children whose
 * meetings they organise (the policy's child.createMeeting: their organisation's
 * children, or teams they coordinate), grouped by owner, and owners by agency.
 */

export interface OwnerActions {
	ownerId: string | null;
	ownerName: string;
	agency: string;
	actions: OpenAction[];
	overdue: number;
}

export interface CaseloadActions {
	/** Children whose meetings the actor organises: 0 means they coordinate nobody. */
	childCount: number;
	owners: OwnerActions[];
	openCount: number;
	overdueCount: number;
}

export async function coordinatedChildIds(db: Database, actor: Actor): Promise<string[]> {
	const organisationIds = actor.memberships.map((m) => m.organisationId);
	const teamChildIds = actor.teams.map((t) => t.childId);
	if (organisationIds.length === 0 && teamChildIds.length === 0) return [];
	const candidates = await db
		.select({ id: children.id, organisationId: children.organisationId })
		.from(children)
		.where(
			and(
				isNull(children.deletedAt),
				or(
					organisationIds.length > 0
						? inArray(children.organisationId, organisationIds)
						: undefined,
					teamChildIds.length > 0 ? inArray(children.id, teamChildIds) : undefined
				)
			)
		)
		.orderBy(asc(children.firstName));
	return candidates
		.filter((child) => can(actor, 'child.createMeeting', childResource(child)))
		.map((child) => child.id);
}

export async function listCaseloadActions(
	db: Database,
	actor: Actor,
	options: { overdueOnly: boolean },
	now = new Date()
): Promise<CaseloadActions> {
	const childIds = await coordinatedChildIds(db, actor);
	const open =
		childIds.length === 0 ? [] : await listOpenActions(db, inArray(actions.childId, childIds), now);
	const shown = options.overdueOnly ? open.filter((action) => action.overdue) : open;
	const byOwner = new Map<string, OwnerActions>();
	for (const action of shown) {
		const key = `${action.ownerAgency}|${action.ownerId ?? ''}`;
		const group = byOwner.get(key) ?? {
			ownerId: action.ownerId,
			ownerName: action.ownerName ?? 'No owner yet',
			agency: action.ownerId ? action.ownerAgency || 'Agency not recorded' : '',
			actions: [],
			overdue: 0
		};
		group.actions.push(action);
		if (action.overdue) group.overdue += 1;
		byOwner.set(key, group);
	}
	const owners = [...byOwner.values()].sort(
		(a, b) =>
			// Actions nobody owns first: they need someone most.
			Number(a.ownerId !== null) - Number(b.ownerId !== null) ||
			a.agency.localeCompare(b.agency, 'en-GB') ||
			a.ownerName.localeCompare(b.ownerName, 'en-GB')
	);
	return {
		childCount: childIds.length,
		owners,
		openCount: open.length,
		overdueCount: open.filter((action) => action.overdue).length
	};
}
