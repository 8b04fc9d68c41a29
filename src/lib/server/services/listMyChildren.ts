import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { children, teamMembers } from '../db/schema.ts';
import { yearGroupLabel } from '../../shared/domain/yearGroups.ts';
import { ukDateOf } from '../../shared/domain/ukCalendar.ts';

export interface ChildSummary {
	id: string;
	firstName: string;
	preferredName: string | null;
	setting: string;
	yearGroup: string | null;
	planType: string;
	myTeamRole: string;
}

/** The children whose team the user belongs to: the only children they may see. */
export async function listMyChildren(db: Database, userId: string): Promise<ChildSummary[]> {
	const rows = await db
		.select({
			id: children.id,
			firstName: children.firstName,
			preferredName: children.preferredName,
			setting: children.setting,
			receptionYear: children.receptionYear,
			planType: children.planType,
			myTeamRole: teamMembers.teamRole
		})
		.from(teamMembers)
		.innerJoin(children, eq(children.id, teamMembers.childId))
		.where(and(eq(teamMembers.userId, userId), isNull(children.deletedAt)))
		.orderBy(asc(children.firstName));
	const today = ukDateOf(new Date());
	return rows.map(({ receptionYear, ...child }) => ({
		...child,
		yearGroup: yearGroupLabel(receptionYear, today)
	}));
}
