import { and, asc, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { children } from '../../db/schema.ts';
import { can, type Actor } from '../../policy.ts';
import { childResource } from './childResource.ts';
import { yearGroupLabel } from '../../../shared/domain/yearGroups.ts';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';

export interface VisibleChild {
	id: string;
	firstName: string;
	lastName: string;
	preferredName: string | null;
	setting: string;
	/** The cohort (shared/domain/yearGroups.ts), and the year group it gives today. */
	receptionYear: number | null;
	yearGroup: string | null;
	planType: string;
	/** The actor's role in the child's team, or null when they see the child through their organisation. */
	myTeamRole: string | null;
}

/**
 * Every child the actor may open: those in whose team they are, and those held by an
 * organisation they coordinate. Candidates are filtered through can(), so this list can
 * never show more than the policy allows.
 */
export async function listVisibleChildren(db: Database, actor: Actor): Promise<VisibleChild[]> {
	const organisationIds = actor.memberships.map((m) => m.organisationId);
	const teamChildIds = actor.teams.map((t) => t.childId);
	if (organisationIds.length === 0 && teamChildIds.length === 0) return [];
	const candidates = await db
		.select({
			id: children.id,
			organisationId: children.organisationId,
			firstName: children.firstName,
			lastName: children.lastName,
			preferredName: children.preferredName,
			setting: children.setting,
			receptionYear: children.receptionYear,
			planType: children.planType
		})
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
		.orderBy(asc(children.firstName), asc(children.lastName));
	return candidates
		.filter((child) => can(actor, 'child.view', childResource(child)))
		.map(({ organisationId: _organisationId, ...child }) => ({
			...child,
			yearGroup: yearGroupLabel(child.receptionYear, ukDateOf(new Date())),
			myTeamRole: actor.teams.find((t) => t.childId === child.id)?.teamRole ?? null
		}));
}
