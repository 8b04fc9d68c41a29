import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { children, teamMembers } from '../db/schema.ts';

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
	return db
		.select({
			id: children.id,
			firstName: children.firstName,
			preferredName: children.preferredName,
			setting: children.setting,
			yearGroup: children.yearGroup,
			planType: children.planType,
			myTeamRole: teamMembers.teamRole
		})
		.from(teamMembers)
		.innerJoin(children, eq(children.id, teamMembers.childId))
		.where(and(eq(teamMembers.userId, userId), isNull(children.deletedAt)))
		.orderBy(asc(children.firstName));
}
