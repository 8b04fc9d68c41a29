import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { children, organisations } from '../../db/schema.ts';
import type { AreaOfNeed } from '../../../shared/domain/areasOfNeed.ts';
import { yearGroupLabel } from '../../../shared/domain/yearGroups.ts';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';

export interface ChildRecord {
	id: string;
	organisationId: string;
	organisationName: string;
	firstName: string;
	lastName: string;
	preferredName: string | null;
	dateOfBirth: string;
	setting: string;
	/** The cohort (shared/domain/yearGroups.ts), and the year group it gives today. */
	receptionYear: number | null;
	yearGroup: string | null;
	planType: string;
	areasOfNeed: AreaOfNeed[];
	strengths: string;
	createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs: anything that is not a UUID is simply not found (never a 500). */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}

/** A child that exists and is not deleted, or null. Access is the caller's question. */
export async function findChild(db: Database, childId: string): Promise<ChildRecord | null> {
	if (!isUuid(childId)) return null;
	const [row] = await db
		.select({
			id: children.id,
			organisationId: children.organisationId,
			organisationName: organisations.name,
			firstName: children.firstName,
			lastName: children.lastName,
			preferredName: children.preferredName,
			dateOfBirth: children.dateOfBirth,
			setting: children.setting,
			receptionYear: children.receptionYear,
			planType: children.planType,
			areasOfNeed: children.areasOfNeed,
			strengths: children.strengths,
			createdAt: children.createdAt
		})
		.from(children)
		.innerJoin(organisations, eq(organisations.id, children.organisationId))
		.where(and(eq(children.id, childId), isNull(children.deletedAt)));
	return row
		? {
				...row,
				areasOfNeed: row.areasOfNeed as AreaOfNeed[],
				yearGroup: yearGroupLabel(row.receptionYear, ukDateOf(new Date()))
			}
		: null;
}
